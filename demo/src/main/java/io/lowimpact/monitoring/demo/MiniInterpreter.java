package io.lowimpact.monitoring.demo;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import java.util.List;

/**
 * Stands in for a language implemented on the JVM: two "script" functions whose offsets and lines are the
 * interpreter's own, with probes fired where the script's control goes.
 *
 * <pre>
 * abs.script                      sumTo.script
 * 1  def abs(x):                  1  def sumTo(n):
 * 2    if x &lt; 0:                  2    total = 0
 * 3      return -x                3    while n &gt; 0:
 * 4    return x                   4      total += n; n -= 1
 *                                 5    return total
 * </pre>
 */
final class MiniInterpreter {

    private final CodeUnit abs = CodeUnit.define(CodeUnitSpec.builder("abs.script", "abs")
            .sourceFile("abs.script").length(40)
            .line(0, 10, 1).line(10, 20, 2).line(20, 30, 3).line(30, 40, 4)
            .branch(10, 20, 30)   // if x < 0: falls through to offset 20 (line 3), jumps to 30 (line 4)
            .build());
    private final Probe absStart = Monitoring.probe(abs, Event.METHOD_START, 0);
    private final Probe absLine1 = Monitoring.probe(abs, Event.LINE, 0);
    private final Probe absLine2 = Monitoring.probe(abs, Event.LINE, 10);
    private final Probe absLine3 = Monitoring.probe(abs, Event.LINE, 20);
    private final Probe absLine4 = Monitoring.probe(abs, Event.LINE, 30);
    private final Probe absNegative = Monitoring.probe(abs, Event.BRANCH_LEFT, 10, 20);
    private final Probe absPositive = Monitoring.probe(abs, Event.BRANCH_RIGHT, 10, 30);

    private final CodeUnit sumTo = CodeUnit.define(CodeUnitSpec.builder("sum.script", "sumTo")
            .sourceFile("sum.script").length(50)
            .line(0, 10, 1).line(10, 20, 2).line(20, 30, 3).line(30, 40, 4).line(40, 50, 5)
            .branch(20, 30, 40)   // while n > 0: enters the body at 30, leaves to 40
            .build());
    private final Probe sumStart = Monitoring.probe(sumTo, Event.METHOD_START, 0);
    private final Probe[] sumLines = {
        Monitoring.probe(sumTo, Event.LINE, 0), Monitoring.probe(sumTo, Event.LINE, 10),
        Monitoring.probe(sumTo, Event.LINE, 20), Monitoring.probe(sumTo, Event.LINE, 30),
        Monitoring.probe(sumTo, Event.LINE, 40),
    };
    private final Probe sumEnter = Monitoring.probe(sumTo, Event.BRANCH_LEFT, 20, 30);
    private final Probe sumLeave = Monitoring.probe(sumTo, Event.BRANCH_RIGHT, 20, 40);

    List<CodeUnit> units() {
        return List.of(abs, sumTo);
    }

    int abs(int x) {
        fire(absStart);
        fire(absLine1);
        fire(absLine2);
        if (x < 0) {
            fire(absNegative);
            fire(absLine3);
            return -x;
        }
        fire(absPositive);
        fire(absLine4);
        return x;
    }

    int sumTo(int n) {
        fire(sumStart);
        fire(sumLines[0]);
        fire(sumLines[1]);
        int total = 0;
        while (true) {
            fire(sumLines[2]);
            if (n <= 0) {
                fire(sumLeave);
                break;
            }
            fire(sumEnter);
            fire(sumLines[3]);
            total += n;
            n -= 1;
        }
        fire(sumLines[4]);
        return total;
    }

    private static void fire(Probe probe) {
        if (probe.isActive()) {
            probe.fire();
        }
    }
}

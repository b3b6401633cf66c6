package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import java.util.List;

/**
 * The module-level functions of CPython's {@code test_monitoring.py} as injected code units. Each {@code run()}
 * fires the probes that CPython's interpreter would fire running the function; line 1 is the {@code def} line.
 */
final class PyFunctions {

    private PyFunctions() {
    }

    /** {@code def f1(): pass}. */
    static final class F1 {
        final CodeUnit code = Ports.define("f1", b -> b.length(4).line(0, 2, 1).line(2, 4, 2));
        final Probe start = Monitoring.probe(code, Event.METHOD_START, 0);
        final Probe line = Monitoring.probe(code, Event.LINE, 2);
        final Probe ret = Monitoring.probe(code, Event.METHOD_RETURN, 2);

        /** Events, when all are on: METHOD_START 0, LINE 2, METHOD_RETURN 2 MISSING. */
        void run() {
            start.fire();
            line.fire();
            ret.fireReturn(Monitoring.MISSING);
        }
    }

    /** {@code def f2(): len([]); sys.getsizeof(0)}: two calls of C functions, which are external code. */
    static final class F2 {
        static final CallTarget LEN = new CallTarget("builtins", "len", "(obj)", CallTarget.Kind.OTHER);
        static final CallTarget GETSIZEOF = new CallTarget("sys", "getsizeof", "(obj)", CallTarget.Kind.OTHER);

        final CodeUnit code = Ports.define("f2", b -> b.length(12).line(0, 2, 1).line(2, 6, 2).line(6, 12, 3));
        final Probe start = Monitoring.probe(code, Event.METHOD_START, 0);
        final Probe line2 = Monitoring.probe(code, Event.LINE, 2);
        final Probe callLen = Monitoring.probe(code, Event.CALL, 4, LEN);
        final Probe lenReturned = Monitoring.probe(code, Event.EXTERNAL_RETURN, 4, LEN);
        final Probe line3 = Monitoring.probe(code, Event.LINE, 6);
        final Probe callGetsizeof = Monitoring.probe(code, Event.CALL, 8, GETSIZEOF);
        final Probe getsizeofReturned = Monitoring.probe(code, Event.EXTERNAL_RETURN, 8, GETSIZEOF);
        final Probe ret = Monitoring.probe(code, Event.METHOD_RETURN, 10);

        void run() {
            start.fire();
            line2.fire();
            callLen.fireCall(List.of());
            lenReturned.fireCall(List.of());
            line3.fire();
            callGetsizeof.fireCall(0);
            getsizeofReturned.fireCall(0);
            ret.fireReturn(Monitoring.MISSING);
        }
    }

    /** {@code def gen(): yield; yield} and {@code def g1(): for _ in gen(): pass}. */
    static final class G1 {
        static final CallTarget GEN = new CallTarget("test_monitoring", "gen", "()", CallTarget.Kind.OTHER);

        final CodeUnit gen = Ports.define("gen", b -> b.length(12).line(0, 2, 1).line(2, 6, 2).line(6, 12, 3));
        final Probe genStart = Monitoring.probe(gen, Event.METHOD_START, 0);
        final Probe genYield1 = Monitoring.probe(gen, Event.METHOD_YIELD, 2);
        final Probe genResume1 = Monitoring.probe(gen, Event.METHOD_RESUME, 4);
        final Probe genYield2 = Monitoring.probe(gen, Event.METHOD_YIELD, 6);
        final Probe genResume2 = Monitoring.probe(gen, Event.METHOD_RESUME, 8);
        final Probe genReturn = Monitoring.probe(gen, Event.METHOD_RETURN, 10);

        final CodeUnit g1 = Ports.define("g1", b -> b.length(14).line(0, 2, 1).line(2, 8, 2).line(8, 14, 3)
                .branch(6, 8, 12));
        final Probe start = Monitoring.probe(g1, Event.METHOD_START, 0);
        final Probe line2 = Monitoring.probe(g1, Event.LINE, 2);
        final Probe callGen = Monitoring.probe(g1, Event.CALL, 4, GEN);
        final Probe loop = Monitoring.probe(g1, Event.BRANCH_LEFT, 6, 8);
        final Probe exit = Monitoring.probe(g1, Event.BRANCH_RIGHT, 6, 12);
        final Probe line3 = Monitoring.probe(g1, Event.LINE, 8);
        final Probe back = Monitoring.probe(g1, Event.JUMP, 10, 6);
        final Probe ret = Monitoring.probe(g1, Event.METHOD_RETURN, 12);

        void run() {
            start.fire();
            line2.fire();
            callGen.fireCall(Monitoring.MISSING);
            genStart.fire();              // first next(): the generator starts
            genYield1.fireReturn(null);   // yield (None)
            loop.fire();
            line3.fire();
            back.fire();
            genResume1.fire();            // second next()
            genYield2.fireReturn(null);
            loop.fire();
            line3.fire();
            back.fire();
            genResume2.fire();            // third next(): the generator returns, the loop ends
            genReturn.fireReturn(null);
            exit.fire();
            ret.fireReturn(Monitoring.MISSING);
        }
    }

    /** {@code def floop(): for item in PAIR: pass}, with {@code PAIR = (0, 1)}. */
    static final class Floop {
        final CodeUnit code = Ports.define("floop", b -> b.length(12).line(0, 2, 1).line(2, 6, 2).line(6, 10, 3)
                .line(10, 12, 2).branch(4, 6, 10));
        final Probe start = Monitoring.probe(code, Event.METHOD_START, 0);
        final Probe forLine = Monitoring.probe(code, Event.LINE, 2);
        /** The loop head is a jump target inside line 2: a line point of its own (S26). */
        final Probe loopHeadLine = Monitoring.probe(code, Event.LINE, 4);
        final Probe loop = Monitoring.probe(code, Event.BRANCH_LEFT, 4, 6);
        final Probe exit = Monitoring.probe(code, Event.BRANCH_RIGHT, 4, 10);
        final Probe passLine = Monitoring.probe(code, Event.LINE, 6);
        final Probe back = Monitoring.probe(code, Event.JUMP, 8, 4);
        final Probe ret = Monitoring.probe(code, Event.METHOD_RETURN, 10);

        void run() {
            start.fire();
            forLine.fire();
            for (int item = 0; item < 2; item++) {
                loop.fire();
                passLine.fire();
                back.fire();
                loopHeadLine.fire();
            }
            exit.fire();
            ret.fireReturn(Monitoring.MISSING);
        }
    }
}

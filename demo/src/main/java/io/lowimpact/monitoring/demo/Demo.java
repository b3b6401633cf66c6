package io.lowimpact.monitoring.demo;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The main job. First, a tiny interpreter ({@link MiniInterpreter}) fires events through the injection API, and
 * two tools watch it: a coverage tool (LINE and BRANCH, DISABLE after the first hit, restarted per "test") and a
 * profiler that counts METHOD_START per unit. Then, under the agent, a coverage tool and a call counter watch
 * the bytecode of a small application class ({@link BytecodeDemo}). Prints what each tool saw.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("== injected events: a tiny interpreter's scripts ==");
        run(System.out);
        System.out.println("== bytecode events: the Inventory class ==");
        if (BytecodeDemo.available()) {
            BytecodeDemo.run(System.out);
        } else {
            System.out.println("  (run with -javaagent:monitoring-instrument/target/monitoring-agent.jar to see them)");
        }
    }

    static void run(PrintStream out) {
        MiniInterpreter interpreter = new MiniInterpreter();
        Map<String, TreeSet<Integer>> lines = new TreeMap<>();
        Map<String, TreeSet<String>> arcs = new TreeMap<>();
        Map<String, Integer> starts = new TreeMap<>();
        int[] coverageCalls = {0};

        try (Tool coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "demo-coverage");
             Tool profiler = Monitoring.useToolId(Monitoring.PROFILER_ID, "demo-profiler")) {
            coverage.registerCallback(Event.LINE, (code, line) -> {
                coverageCalls[0]++;
                lines.computeIfAbsent(name(code), k -> new TreeSet<>()).add(line);
                return Action.DISABLE;
            });
            coverage.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> arc(arcs, code, from, to, coverageCalls));
            coverage.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> arc(arcs, code, from, to, coverageCalls));
            coverage.setEvents(EventSet.of(Event.LINE).union(EventSet.BRANCH));

            profiler.registerCallback(Event.METHOD_START, (code, offset) -> {
                starts.merge(name(code), 1, Integer::sum);
                return Action.CONTINUE;
            });
            profiler.setEvents(EventSet.of(Event.METHOD_START));

            out.println("test 1: abs(-3), abs(4) x 1000");
            out.println("  abs(-3) = " + interpreter.abs(-3));
            for (int i = 0; i < 1000; i++) {
                interpreter.abs(4);
            }
            report(out, interpreter, lines, arcs, starts, coverageCalls[0]);

            out.println("test 2 (after coverage.restartEvents()): sumTo(5)");
            lines.clear();
            arcs.clear();
            coverageCalls[0] = 0;
            coverage.restartEvents();
            out.println("  sumTo(5) = " + interpreter.sumTo(5));
            report(out, interpreter, lines, arcs, starts, coverageCalls[0]);
        }
    }

    private static Action arc(Map<String, TreeSet<String>> arcs, CodeUnit code, int from, int to, int[] calls) {
        calls[0]++;
        arcs.computeIfAbsent(name(code), k -> new TreeSet<>()).add(from + "->" + to);
        return Action.DISABLE;
    }

    private static String name(CodeUnit code) {
        return code.className() + "." + code.methodName();
    }

    private static void report(PrintStream out, MiniInterpreter interpreter, Map<String, TreeSet<Integer>> lines,
            Map<String, TreeSet<String>> arcs, Map<String, Integer> starts, int coverageCalls) {
        for (CodeUnit unit : interpreter.units()) {
            String name = name(unit);
            TreeSet<Integer> missed = Missed.lines(unit, lines.getOrDefault(name, new TreeSet<>()));
            TreeSet<String> missedArcs = Missed.arcs(unit, arcs.getOrDefault(name, new TreeSet<>()));
            out.println("  coverage: " + name + " lines " + lines.getOrDefault(name, new TreeSet<>())
                    + " missed " + missed + "; arcs " + arcs.getOrDefault(name, new TreeSet<>()) + " missed " + missedArcs);
        }
        out.println("  coverage callbacks run: " + coverageCalls + " (each location once, then DISABLEd)");
        out.println("  profiler: METHOD_START counts " + starts);
    }
}

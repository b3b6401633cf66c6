package io.lowimpact.monitoring.demo;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import example.inventory.Inventory;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytecode half of the demo, for a run under the agent: a line and branch coverage tool and a call counter,
 * both written here on the public API, watch {@link Inventory}.
 */
final class BytecodeDemo {

    private BytecodeDemo() {
    }

    /** @return whether bytecode units can be had: the agent is installed */
    static boolean available() {
        try {
            CodeUnit.of(Inventory.class.getDeclaredMethod("reorder", int.class));
            return true;
        } catch (IllegalStateException | NoSuchMethodException e) {
            return false;
        }
    }

    static void run(PrintStream out) {
        Map<CodeUnit, Set<Integer>> lines = new ConcurrentHashMap<>();
        Map<CodeUnit, Set<String>> arcs = new ConcurrentHashMap<>();
        Map<String, Integer> calls = new TreeMap<>();
        try (Tool coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "bytecode-coverage");
             Tool counter = Monitoring.useToolId(Monitoring.PROFILER_ID, "call-counter")) {
            coverage.registerCallback(Event.LINE, (code, line) -> {
                lines.computeIfAbsent(code, k -> new TreeSet<>()).add(line);
                return Action.DISABLE;
            });
            coverage.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> arc(arcs, code, from, to));
            coverage.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> arc(arcs, code, from, to));
            coverage.setEvents(EventSet.of(Event.LINE).union(EventSet.BRANCH));
            counter.registerCallback(Event.CALL, (code, offset, target, arg0) -> {
                synchronized (calls) {
                    calls.merge(target.owner() + "." + target.name(), 1, Integer::sum);
                }
                return Action.CONTINUE;
            });
            counter.setEvents(EventSet.of(Event.CALL));

            Inventory inventory = new Inventory();
            int malformed = inventory.load(List.of("# stock", "apples=3", "pears=12", "plums", "figs=x"));
            out.println("  malformed lines: " + malformed + ", reorder below 5: " + inventory.reorder(5)
                    + ", pears: " + inventory.level("pears"));

            coverage.setEvents(EventSet.NONE);
            counter.setEvents(EventSet.NONE);
            Method[] methods = Inventory.class.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                report(out, CodeUnit.of(m), lines, arcs);
            }
            out.println("  calls made by Inventory: " + calls);
        }
    }

    private static Action arc(Map<CodeUnit, Set<String>> arcs, CodeUnit code, int from, int to) {
        arcs.computeIfAbsent(code, k -> new TreeSet<>()).add(from + "->" + to);
        return Action.DISABLE;
    }

    private static void report(PrintStream out, CodeUnit unit, Map<CodeUnit, Set<Integer>> lines,
            Map<CodeUnit, Set<String>> arcs) {
        Set<Integer> hit = lines.getOrDefault(unit, Set.of());
        out.println("  " + unit.methodName() + unit.descriptor() + ": lines " + new TreeSet<>(hit)
                + " missed " + Missed.lines(unit, hit) + "; arcs missed " + Missed.arcs(unit, arcs.getOrDefault(unit, Set.of())));
    }
}

package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.instrument.internal.Engine;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the tests of counted events (S47, S48) share: tools that count events into a {@link CountTally} or receive
 * them through their callbacks, the counts that runs of {@code Loops.forLoop} must give, and an {@link Engine} of
 * the runtime itself that rewrites the targets after the tools are set up, as the agent would load them. A test
 * class makes one per instance, so each test has an engine of its own.
 */
final class CountedTargets {

    private final Engine engine = new Engine(Control.INSTANCE, name -> !name.startsWith("java"), 0);

    /** @return the engine that rewrites the targets, as the agent would */
    Engine engine() {
        return engine;
    }

    /** Claims {@code id}, counts {@code events} into {@code tally} and switches them on. */
    static Tool counting(int id, EventSet events, CountTally tally) {
        Tool tool = Monitoring.useToolId(id, "counting-" + id);
        tool.setCountedEvents(events, tally.callback());
        tool.setEvents(events);
        return tool;
    }

    /** Claims {@code id}, and switches {@code events} on with callbacks that count each run into {@code tally}. */
    static Tool live(int id, EventSet events, CountTally tally) {
        Tool tool = Monitoring.useToolId(id, "live-" + id);
        tally.listen(tool);
        tool.setEvents(events);
        return tool;
    }

    /** The rewritten class file of a target, as the engine makes it now. */
    byte[] rewritten(Class<?> target) {
        String internalName = target.getName().replace('.', '/');
        byte[] result = engine.transform(null, internalName, Instrumented.classFile(target.getName()));
        return result != null ? result : Instrumented.classFile(target.getName());
    }

    /** What a retransformation of a loaded target would make of it now. */
    byte[] retransformed(Class<?> loaded) {
        String internalName = loaded.getName().replace('.', '/');
        return engine.transform(loaded.getClassLoader(), internalName, Instrumented.classFile(loaded.getName()));
    }

    /** A method of a target, rewritten by the engine for a fresh loader of its own, as the agent's would be. */
    Method load(Class<?> target, String method) throws Exception {
        ClassLoader loader = DeferredEventsTest.engineLoader(engine, target.getName()::equals, (name, bytes) -> { });
        return Instrumented.method(Class.forName(target.getName(), true, loader), method);
    }

    private static void add(Map<String, Long> counts, String location, long count) {
        if (count > 0) {
            counts.merge(location, count, Long::sum);
        }
    }

    /**
     * forLoop's line counts after one run for each n: 12 at 0 and 13 at 2 once; the loop test, 13 at 4, n + 1 times;
     * the body, 14 at 9, and the increment, 13 at 13, n times; 16 at 19 once.
     */
    static Map<String, Long> forLoopLines(int... ns) {
        Map<String, Long> counts = new TreeMap<>();
        for (int n : ns) {
            add(counts, "LINE 0 line 12", 1);
            add(counts, "LINE 2 line 13", 1);
            add(counts, "LINE 4 line 13", n + 1);
            add(counts, "LINE 9 line 14", n);
            add(counts, "LINE 13 line 13", n);
            add(counts, "LINE 19 line 16", 1);
        }
        return counts;
    }

    /**
     * Every countable event of forLoop, after one run for each n. Its code: 0 iconst_0, 1 istore_1, 2 iconst_0,
     * 3 istore_2, 4 iload_2, 5 iload_0, 6 if_icmpge 19, 9 iload_1, 10 iload_2, 11 iadd, 12 istore_1, 13 iinc,
     * 16 goto 4, 19 iload_1, 20 ireturn. The branch at 6 falls through to 9 (left) n times and goes to 19 (right)
     * once; the goto jumps back n times; it returns at 20.
     */
    static Map<String, Long> forLoopAll(int... ns) {
        Map<String, Long> counts = forLoopLines(ns);
        for (int n : ns) {
            add(counts, "METHOD_START 0", 1);
            add(counts, "METHOD_RETURN 20", 1);
            for (int offset : new int[] {0, 1, 2, 3, 19, 20}) {
                add(counts, "INSTRUCTION " + offset, 1);
            }
            for (int offset : new int[] {4, 5, 6}) {
                add(counts, "INSTRUCTION " + offset, n + 1);
            }
            for (int offset : new int[] {9, 10, 11, 12, 13, 16}) {
                add(counts, "INSTRUCTION " + offset, n);
            }
            add(counts, "BRANCH_LEFT 6->9", n);
            add(counts, "BRANCH_RIGHT 6->19", 1);
            add(counts, "JUMP 16->4", n);
        }
        return counts;
    }

    static List<String> sorted(List<String> events) {
        List<String> copy = new ArrayList<>(events);
        copy.sort(null);
        return copy;
    }
}

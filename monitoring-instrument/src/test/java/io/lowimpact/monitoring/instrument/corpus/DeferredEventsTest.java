package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.instrument.corpus.targets.IfElse;
import io.lowimpact.monitoring.instrument.corpus.targets.Loops;
import io.lowimpact.monitoring.instrument.internal.Engine;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Deferred events ({@code setDeferredEvents}, {@code flushEvents}) on real bytecode: where only deferring tools want
 * an event, its probes are stores that call nothing and the flush delivers each location that ran once; where a tool
 * wants it at once, the deferring tool gets it at once too, once per location. The classes are rewritten by an
 * {@link Engine} of the runtime itself, after the tools are set up, as the agent would load them.
 */
class DeferredEventsTest {

    private static final AtomicInteger LOADERS = new AtomicInteger();
    /** forLoop(0)'s line points: 12 at 0, 13 at 2, 13 at 4 (the loop test), 16 at 19; sorted. */
    private static final List<String> LOOP_NOT_ENTERED = List.of("LINE 12", "LINE 13", "LINE 13", "LINE 16");

    private final Engine engine = new Engine(Control.INSTANCE, name -> !name.startsWith("java"), 0);
    private final List<String> a = new ArrayList<>();
    private final List<String> b = new ArrayList<>();

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    /** A tool that records its LINE events of {@code forLoop} and its branch events of {@code max}, never DISABLE. */
    private static Tool tool(int id, List<String> seen, EventSet events) {
        Tool tool = Monitoring.useToolId(id, "deferred-" + id);
        tool.registerCallback(Event.LINE, (code, line) -> {
            if (code.methodName().equals("forLoop")) {
                seen.add("LINE " + line);
            }
            return Action.CONTINUE; // a deferring tool's location is disabled all the same
        });
        tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> record(seen, code, "BRANCH_LEFT", from, to));
        tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> record(seen, code, "BRANCH_RIGHT", from, to));
        tool.setEvents(events);
        return tool;
    }

    private static Action record(List<String> seen, CodeUnit code, String event, int from, int to) {
        if (code.methodName().equals("max")) {
            seen.add(event + " " + from + "->" + to);
        }
        return Action.CONTINUE;
    }

    /** The rewritten class file of a target, as the engine makes it now. */
    private byte[] rewritten(Class<?> target) {
        String internalName = target.getName().replace('.', '/');
        byte[] result = engine.transform(null, internalName, Instrumented.classFile(target.getName()));
        return result != null ? result : Instrumented.classFile(target.getName());
    }

    /** Loads a target rewritten by the engine for its own loader, as the agent's transformer would. */
    private Class<?> load(Class<?> target) throws Exception {
        ClassLoader loader = engineLoader(engine, target.getName()::equals, (name, bytes) -> { });
        return Class.forName(target.getName(), true, loader);
    }

    /**
     * A fresh loader that defines the classes {@code names} accepts as {@code engine} rewrites them for it (keyed by
     * the loader, as under the agent), each rewritten class file first given to {@code check} with its name.
     */
    static ClassLoader engineLoader(Engine engine, Predicate<String> names, BiConsumer<String, byte[]> check) {
        ClassLoader[] loader = new ClassLoader[1];
        loader[0] = new DefiningLoader("deferred-" + LOADERS.incrementAndGet(),
                DeferredEventsTest.class.getClassLoader(), name -> {
                    if (!names.test(name)) {
                        return null;
                    }
                    byte[] original = Instrumented.classFile(name);
                    byte[] result = engine.transform(loader[0], name.replace('.', '/'), original);
                    if (result == null) {
                        return original;
                    }
                    check.accept(name, result);
                    return result;
                });
        return loader[0];
    }

    /** What a retransformation of a loaded target would make of it now. */
    private byte[] retransformed(Class<?> loaded) {
        String internalName = loaded.getName().replace('.', '/');
        return engine.transform(loaded.getClassLoader(), internalName, Instrumented.classFile(loaded.getName()));
    }

    /** How many calls into the runtime's {@code Bootstrap} a method of a class file makes (every method: null). */
    static int runtimeCalls(byte[] classFile, String method) {
        int[] calls = new int[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (method != null && !name.equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                        if (owner.endsWith("/Bootstrap")) {
                            calls[0]++;
                        }
                    }
                };
            }
        }, 0);
        return calls[0];
    }

    /** How many times a method of a class file loads its class's mask array (an {@code ldc} of that constant). */
    static int maskFetches(byte[] classFile, String method) {
        int[] fetches = new int[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return !name.equals(method) ? null : new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof ConstantDynamic && ((ConstantDynamic) value).getName().equals("masks")) {
                            fetches[0]++;
                        }
                    }
                };
            }
        }, 0);
        return fetches[0];
    }

    private static List<String> sorted(List<String> events) {
        List<String> copy = new ArrayList<>(events);
        copy.sort(null);
        return copy;
    }

    @Test
    void s46_whereOnlyDeferringToolsWantLinesTheirProbesCallNothingAndAFlushDeliversEachLocationOnce() throws Exception {
        Tool tool = tool(1, a, EventSet.of(Event.LINE));
        tool.setDeferredEvents(EventSet.of(Event.LINE));
        assertEquals(EventSet.of(Event.LINE), tool.getDeferredEvents());
        byte[] stores = rewritten(Loops.class);
        assertEquals(0, runtimeCalls(stores, "forLoop"));
        assertEquals(0, maskFetches(stores, "forLoop"), "a method whose probes are all stores reads no mask array");
        Method forLoop = Instrumented.method(load(Loops.class), "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        assertEquals(List.of(), a, "nothing is delivered before the flush");
        tool.flushEvents();
        // forLoop's line points: 12 at 0, 13 at 2, 13 at 4 (the loop test, a jump target), 14 at 9, 13 at 13, 16 at 19
        assertEquals(List.of("LINE 12", "LINE 13", "LINE 13", "LINE 13", "LINE 14", "LINE 16"), sorted(a));
        a.clear();
        assertEquals(3, forLoop.invoke(null, 3));
        tool.flushEvents();
        assertEquals(List.of(), a, "each location once until the tool restarts");
        tool.restartEvents();
        assertEquals(List.of(), a);
        assertEquals(0, forLoop.invoke(null, 0)); // the loop body does not run: no line 14, no line 13 at 13
        tool.flushEvents();
        assertEquals(LOOP_NOT_ENTERED, sorted(a));
    }

    /** Tool 1, deferring LINE, once forLoop(0) has run in a fresh class: its lines recorded, none delivered. */
    private Tool deferringLinesAfterForLoopRan() throws Exception {
        Tool tool = tool(1, a, EventSet.of(Event.LINE));
        tool.setDeferredEvents(EventSet.of(Event.LINE));
        assertEquals(0, Instrumented.method(load(Loops.class), "forLoop").invoke(null, 0));
        return tool;
    }

    @Test
    void s45_restartDeliversWhatRanBeforeIt() throws Exception {
        Tool tool = deferringLinesAfterForLoopRan();
        tool.restartEvents();
        assertEquals(LOOP_NOT_ENTERED, sorted(a));
        a.clear();
        tool.flushEvents();
        assertEquals(List.of(), a);
    }

    @Test
    void s45_restartOfEveryToolDeliversWhatRanBeforeIt() throws Exception {
        deferringLinesAfterForLoopRan();
        Monitoring.restartEvents();
        assertEquals(LOOP_NOT_ENTERED, sorted(a));
    }

    @Test
    void s44_deferredBranchesGiveEachEdgeTakenOnce() throws Exception {
        EventSet branches = EventSet.of(Event.BRANCH_LEFT, Event.BRANCH_RIGHT);
        Tool tool = tool(1, a, branches);
        tool.setDeferredEvents(branches);
        assertEquals(0, runtimeCalls(rewritten(IfElse.class), "max"));
        Method max = Instrumented.method(load(IfElse.class), "max");
        // max: `if (b > m)` is if_icmple at 4 to 9; falling through to 7 is the left edge
        assertEquals(2, max.invoke(null, 1, 2));
        assertEquals(3, max.invoke(null, 1, 3));
        tool.flushEvents();
        assertEquals(List.of("BRANCH_LEFT 4->7"), a);
        assertEquals(2, max.invoke(null, 2, 1));
        tool.flushEvents();
        assertEquals(List.of("BRANCH_LEFT 4->7", "BRANCH_RIGHT 4->9"), a);
    }

    @Test
    void s45_aFlushDeliversWhatOlderClassVersionsRecordedInTheirOwnHitArrays() throws Exception {
        Tool tool = tool(1, a, EventSet.of(Event.LINE));
        tool.setDeferredEvents(EventSet.of(Event.LINE).union(EventSet.BRANCH));
        Class<?> loops = load(Loops.class);
        Method forLoop = Instrumented.method(loops, "forLoop");
        assertEquals(0, forLoop.invoke(null, 0));
        tool.setEvents(EventSet.of(Event.LINE).union(EventSet.BRANCH)); // no flush
        assertTrue(engine.needsRetransform(loops));
        assertEquals(0, runtimeCalls(retransformed(loops), "forLoop"), "its branch probes are stores too");
        // the new version's branch slots made a new generation of the class's arrays; the loaded code, its first
        // version, still writes the first generation's hit array, whose hits the flush must not lose
        tool.flushEvents();
        assertEquals(LOOP_NOT_ENTERED, sorted(a));
        a.clear();
        tool.restartEvents();
        assertEquals(3, forLoop.invoke(null, 3));
        tool.flushEvents();
        assertEquals(List.of("LINE 12", "LINE 13", "LINE 13", "LINE 13", "LINE 14", "LINE 16"), sorted(a),
                "the first version has no branch probes: its lines only, each once");
    }

    @Test
    void s46_aToolThatWantsLinesAtOnceGetsThemAtOnceAndTheDeferringToolOncePerLocation() throws Exception {
        Tool deferring = tool(1, a, EventSet.of(Event.LINE));
        deferring.setDeferredEvents(EventSet.of(Event.LINE));
        tool(2, b, EventSet.of(Event.LINE));
        byte[] calls = rewritten(Loops.class);
        assertTrue(runtimeCalls(calls, "forLoop") > 0, "B needs calls");
        assertEquals(1, maskFetches(calls, "forLoop"), "and the mask array, fetched once at entry");
        Method forLoop = Instrumented.method(load(Loops.class), "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        List<String> once = List.of("LINE 12", "LINE 13", "LINE 13", "LINE 14", "LINE 13", "LINE 16");
        assertEquals(once, a, "at once, in order, each location once");
        assertEquals(List.of("LINE 12", "LINE 13", "LINE 13", "LINE 14", "LINE 13", "LINE 13", "LINE 14", "LINE 13",
                "LINE 13", "LINE 14", "LINE 13", "LINE 13", "LINE 16"), b, "B's stream is untouched");
        deferring.flushEvents();
        assertEquals(once, a);
        a.clear();
        b.clear();
        deferring.restartEvents();
        assertEquals(0, forLoop.invoke(null, 0));
        assertEquals(LOOP_NOT_ENTERED, a);
        assertEquals(a, b);
    }

    @Test
    void s46_aToolThatStopsDeferringMakesTheClassCallTheRuntimeAgain() throws Exception {
        Tool tool = tool(1, a, EventSet.of(Event.LINE));
        tool.setDeferredEvents(EventSet.of(Event.LINE));
        Class<?> loops = load(Loops.class);
        assertFalse(engine.needsRetransform(loops));
        tool.setDeferredEvents(EventSet.NONE);
        assertTrue(engine.needsRetransform(loops), "its line probes must call the runtime now");
        assertTrue(runtimeCalls(retransformed(loops), "forLoop") > 0);
        assertFalse(engine.needsRetransform(loops));
        tool.setDeferredEvents(EventSet.of(Event.LINE));
        assertTrue(engine.needsRetransform(loops), "and may store again once only deferring tools want its lines");
    }

    @Test
    void s44_changingTheDeferredSetFirstDeliversWhatRan() throws Exception {
        Tool tool = deferringLinesAfterForLoopRan();
        assertEquals(List.of(), a);
        tool.setDeferredEvents(EventSet.NONE);
        assertEquals(LOOP_NOT_ENTERED, sorted(a));
        assertEquals(EventSet.NONE, tool.getDeferredEvents());
    }

    @Test
    void s46_classFilesBefore55DeliverDeferredEventsAtOnceOncePerLocation() throws Exception {
        Tool tool = tool(1, a, EventSet.of(Event.LINE));
        tool.setDeferredEvents(EventSet.of(Event.LINE));
        byte[] old = OldVersions.downgrade(Instrumented.classFile(Loops.class.getName()), 52);
        byte[] bytes = engine.transform(null, "io/lowimpact/monitoring/instrument/corpus/targets/Loops", old);
        assertTrue(runtimeCalls(bytes, "forLoop") > 0, "no dynamic constant for a hit array before version 55");
        ClassLoader loader = new DefiningLoader("deferred-old", DeferredEventsTest.class.getClassLoader(),
                name -> name.equals(Loops.class.getName()) ? bytes : null);
        Method forLoop = Instrumented.method(Class.forName(Loops.class.getName(), true, loader), "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        assertEquals(List.of("LINE 12", "LINE 13", "LINE 13", "LINE 14", "LINE 13", "LINE 16"), a);
        tool.flushEvents();
        assertEquals(6, a.size());
    }

    @Test
    void s45_aFlushFromInsideTheToolsOwnCallbackLeavesItsEventsForTheNextFlush() throws Exception {
        Tool tool = tool(1, a, EventSet.of(Event.LINE, Event.METHOD_START));
        AtomicInteger starts = new AtomicInteger();
        tool.registerCallback(Event.METHOD_START, (code, offset) -> {
            if (code.methodName().equals("forLoop")) {
                starts.incrementAndGet();
                Monitoring.flushEvents(1);
            }
            return Action.CONTINUE;
        });
        tool.setDeferredEvents(EventSet.of(Event.LINE));
        Method forLoop = Instrumented.method(load(Loops.class), "forLoop");
        assertEquals(0, forLoop.invoke(null, 0));
        assertEquals(0, forLoop.invoke(null, 0)); // its start flushes while the first call's lines are recorded
        assertEquals(2, starts.get());
        assertEquals(List.of(), a);
        tool.flushEvents();
        assertEquals(LOOP_NOT_ENTERED, sorted(a));
    }

    @Test
    void s45_aFlushFromInsideAnotherToolsCallbackDeliversTheFlushingToolsEventsBeforeItReturns() throws Exception {
        Tool first = tool(1, a, EventSet.of(Event.LINE));
        first.setDeferredEvents(EventSet.of(Event.LINE));
        Tool second = tool(2, b, EventSet.of(Event.LINE, Event.METHOD_START));
        second.setDeferredEvents(EventSet.of(Event.LINE));
        List<List<String>> seenInside = new ArrayList<>();
        AtomicInteger starts = new AtomicInteger();
        second.registerCallback(Event.METHOD_START, (code, offset) -> {
            if (code.methodName().equals("forLoop") && starts.incrementAndGet() == 2) {
                Monitoring.flushEvents(1); // the first tool's flush, from a callback of the second
                seenInside.add(sorted(a));
                seenInside.add(List.copyOf(b));
            }
            return Action.CONTINUE;
        });
        Method forLoop = Instrumented.method(load(Loops.class), "forLoop");
        assertEquals(0, forLoop.invoke(null, 0));
        assertEquals(0, forLoop.invoke(null, 0)); // its start flushes the first tool, the first call's lines recorded
        assertEquals(List.of(LOOP_NOT_ENTERED, List.of()), seenInside,
                "the first tool has its events when its flush returns; the second, whose callback runs, none yet");
        second.flushEvents();
        assertEquals(LOOP_NOT_ENTERED, sorted(b), "the second tool gets them at its next flush, once");
        first.flushEvents();
        assertEquals(LOOP_NOT_ENTERED, sorted(a), "and the first no location twice");
    }

    @Test
    void s45_aFlushFromInsideACallbackOfAFlushLosesNoneOfTheOuterFlushsEvents() throws Exception {
        Tool first = tool(1, a, EventSet.of(Event.LINE));
        first.setDeferredEvents(EventSet.of(Event.LINE));
        Tool second = tool(2, b, EventSet.of(Event.LINE));
        second.setDeferredEvents(EventSet.of(Event.LINE));
        Method forLoop = Instrumented.method(load(Loops.class), "forLoop");
        AtomicInteger nested = new AtomicInteger();
        first.registerCallback(Event.LINE, (code, line) -> {
            if (code.methodName().equals("forLoop")) {
                a.add("LINE " + line);
                if (nested.getAndIncrement() == 0) {
                    try {
                        forLoop.invoke(null, 0); // new hits in the class the outer flush is delivering
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                    Monitoring.flushEvents(2); // a second flush, inside the first one's delivery
                }
            }
            return Action.CONTINUE;
        });
        assertEquals(0, forLoop.invoke(null, 0));
        first.flushEvents();
        assertEquals(LOOP_NOT_ENTERED, sorted(a), "every location the outer flush took reaches the first tool");
        assertEquals(LOOP_NOT_ENTERED, sorted(b), "and the second");
    }

    @Test
    void s46_anEdgeThatALinesStoreStandsForReachesOnlyTheToolsThatDeferIt() throws Exception {
        EventSet linesAndBranches = EventSet.of(Event.LINE).union(EventSet.BRANCH);
        Tool deferring = tool(1, a, linesAndBranches);
        deferring.setDeferredEvents(linesAndBranches);
        Class<?> ifElse = load(IfElse.class);
        Method max = Instrumented.method(ifElse, "max");
        // max: `if (b > m)` is if_icmple at 4 to 9. The left edge, 4 to 7, is the only way into line 22 at 7, whose
        // store stands for it; 9 (line 24) is also reached from 8, so the right edge has a store of its own.
        tool(2, b, EventSet.BRANCH); // at once: the loaded class keeps its stores until it is retransformed
        assertTrue(engine.needsRetransform(ifElse));
        assertEquals(2, max.invoke(null, 1, 2));
        assertEquals(2, max.invoke(null, 2, 1));
        deferring.flushEvents();
        assertEquals(List.of("BRANCH_LEFT 4->7", "BRANCH_RIGHT 4->9"), sorted(a));
        assertEquals(List.of("BRANCH_RIGHT 4->9"), b, "the right edge's store reaches every tool of its mask");
    }

    @Test
    void s46_injectedEventsOfADeferringToolArriveAtOnceOncePerLocation() {
        CodeUnit code = CodeUnit.define(CodeUnitSpec.builder("deferred.test", "unit" + LOADERS.incrementAndGet())
                .length(4).line(0, 2, 1).line(2, 4, 2).build());
        Probe line1 = Monitoring.probe(code, Event.LINE, 0);
        Probe line2 = Monitoring.probe(code, Event.LINE, 2);
        Tool tool = Monitoring.useToolId(1, "deferred-injected");
        tool.registerCallback(Event.LINE, (unit, line) -> {
            a.add("LINE " + line);
            return Action.CONTINUE;
        });
        tool.setEvents(EventSet.of(Event.LINE));
        tool.setDeferredEvents(EventSet.of(Event.LINE));
        line1.fire();
        line1.fire();
        line2.fire();
        line1.fire();
        assertEquals(List.of("LINE 1", "LINE 2"), a);
        assertFalse(line1.isActive());
        tool.restartEvents();
        line2.fire();
        assertEquals(List.of("LINE 1", "LINE 2", "LINE 2"), a);
    }

    @Test
    void s44_onlyEventsThatCarryNoValueCanBeDeferred() {
        Tool tool = Monitoring.useToolId(1, "deferred-checks");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tool.setDeferredEvents(EventSet.of(Event.LINE, Event.METHOD_RETURN)));
        assertTrue(e.getMessage().contains("METHOD_RETURN"), e.getMessage());
        tool.setDeferredEvents(EventSet.DEFERRABLE);
        assertEquals(EventSet.DEFERRABLE, Monitoring.getDeferredEvents(1));
        tool.clear();
        assertEquals(EventSet.NONE, Monitoring.getDeferredEvents(1));
        tool.close();
        assertEquals(EventSet.NONE, Monitoring.getDeferredEvents(1));
        assertThrows(IllegalStateException.class, () -> Monitoring.flushEvents(1));
        assertThrows(IllegalStateException.class, () -> Monitoring.setDeferredEvents(1, EventSet.NONE));
    }
}

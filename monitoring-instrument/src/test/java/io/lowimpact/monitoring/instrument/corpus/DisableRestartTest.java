package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.instrument.corpus.targets.Loops;
import io.lowimpact.monitoring.instrument.corpus.targets.MixedReceivers;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DISABLE and restart on real bytecode (S18, S29-S31, S40): Loops.forLoop, whose line 14 is the loop body. */
class DisableRestartTest {

    /** Lines received by tool A and tool B, in order. */
    final List<Integer> linesA = new ArrayList<>();
    final List<Integer> linesB = new ArrayList<>();
    /** Whether A (B) answers DISABLE at line 14. */
    final AtomicBoolean disableA = new AtomicBoolean(true);
    final AtomicBoolean disableB = new AtomicBoolean(false);

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    private Tool tool(int id, List<Integer> lines, AtomicBoolean disable) {
        Tool tool = Monitoring.useToolId(id, "disable-" + id);
        tool.registerCallback(Event.LINE, (code, line) -> {
            if (code.methodName().equals("forLoop")) {
                lines.add(line);
                return line == 14 && disable.get() ? Action.DISABLE : Action.CONTINUE;
            }
            return Action.CONTINUE;
        });
        tool.setEvents(EventSet.of(Event.LINE));
        return tool;
    }

    private static int count(List<Integer> lines, int line) {
        int n = 0;
        for (int l : lines) {
            n += l == line ? 1 : 0;
        }
        return n;
    }

    private void run(Method forLoop) throws Exception {
        linesA.clear();
        linesB.clear();
        assertEquals(3, forLoop.invoke(null, 3));
    }

    @Test
    void lineDisabledByOneToolKeepsFiringForTheOther() throws Exception {
        Method forLoop = Instrumented.method(Instrumented.load(Loops.class), "forLoop");
        Tool a = tool(0, linesA, disableA);
        Tool b = tool(1, linesB, disableB);
        // forLoop(3) reaches line 14 three times; A answers DISABLE the first time: that delivery has happened (S18)
        run(forLoop);
        assertEquals(List.of(12, 13, 13, 14, 13, 13, 13, 13, 13, 13, 16), linesA);
        assertEquals(List.of(12, 13, 13, 14, 13, 13, 14, 13, 13, 14, 13, 13, 16), linesB);
        // A no longer gets line 14; B does; A's other lines are untouched; event sets unchanged (S18)
        run(forLoop);
        assertEquals(0, count(linesA, 14));
        assertEquals(8, count(linesA, 13));
        assertEquals(3, count(linesB, 14));
        assertEquals(EventSet.of(Event.LINE), a.getEvents());
        // restart re-enables A's location and nothing of B's (S29)
        a.restartEvents();
        run(forLoop);
        assertEquals(1, count(linesA, 14)); // delivered once, DISABLEd again
        assertEquals(3, count(linesB, 14));
        // an unrelated setEvents keeps the mark (S31)
        b.setEvents(EventSet.of(Event.LINE, Event.JUMP));
        run(forLoop);
        assertEquals(0, count(linesA, 14));
        // now B disables it too: after that, line 14 delivers to nobody while the rest still does (S40)
        disableB.set(true);
        run(forLoop);
        assertEquals(1, count(linesB, 14));
        run(forLoop);
        assertEquals(0, count(linesA, 14));
        assertEquals(0, count(linesB, 14));
        assertEquals(List.of(12, 13, 13, 13, 13, 13, 13, 13, 13, 16), linesA);
        assertEquals(linesA, linesB);
        // Monitoring.restartEvents() restarts every tool (S30)
        disableA.set(false);
        disableB.set(false);
        Monitoring.restartEvents();
        run(forLoop);
        assertEquals(3, count(linesA, 14));
        assertEquals(3, count(linesB, 14));
    }

    /**
     * A tool recording the CALL and EXTERNAL_RETURN of {@code MixedReceivers.describe}'s {@code toString} call, as
     * {@code "CALL <receiver class>"}, answering DISABLE to the CALL while {@code disable} is set.
     */
    private static Tool toStringCalls(int id, List<String> seen, AtomicBoolean disable) {
        Tool tool = Monitoring.useToolId(id, "calls-" + id);
        tool.registerCallback(Event.CALL, (code, offset, target, arg0) -> {
            if (!target.name().equals("toString")) {
                return Action.CONTINUE;
            }
            seen.add("CALL " + arg0.getClass().getSimpleName());
            return disable.get() ? Action.DISABLE : Action.CONTINUE;
        });
        tool.registerCallback(Event.EXTERNAL_RETURN, (code, offset, target, arg0) -> {
            if (target.name().equals("toString")) {
                seen.add("EXTERNAL_RETURN " + arg0.getClass().getSimpleName());
            }
            return Action.CONTINUE;
        });
        tool.setEvents(EventSet.of(Event.CALL, Event.EXTERNAL_RETURN));
        return tool;
    }

    @Test
    void s18_disableOfACallEndsItsExternalReturnForThatToolOnly() throws Exception {
        Method describe = Instrumented.method(Instrumented.load(MixedReceivers.class), "describe");
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        Tool toolA = toStringCalls(0, a, disableA);
        toStringCalls(1, b, disableB);
        List<String> all = List.of("CALL Named", "CALL Integer", "EXTERNAL_RETURN Integer", "CALL Named",
                "CALL String", "EXTERNAL_RETURN String", "CALL Long", "EXTERNAL_RETURN Long", "CALL Double",
                "EXTERNAL_RETURN Double", "CALL Character", "EXTERNAL_RETURN Character", "CALL Boolean",
                "EXTERNAL_RETURN Boolean", "CALL Short", "EXTERNAL_RETURN Short", "CALL Byte", "EXTERNAL_RETURN Byte",
                "CALL Float", "EXTERNAL_RETURN Float", "CALL StringBuilder", "EXTERNAL_RETURN StringBuilder",
                "CALL Named", "CALL Integer", "EXTERNAL_RETURN Integer");
        // A answers DISABLE to the site's first CALL: neither its CALL nor its EXTERNAL_RETURN reaches A again (S18)
        describe.invoke(null);
        assertEquals(List.of("CALL Named"), a);
        assertEquals(all, b);
        // the restart lifts both marks; A no longer disables, so it receives what B receives (S29)
        a.clear();
        b.clear();
        disableA.set(false);
        toolA.restartEvents();
        describe.invoke(null);
        assertEquals(all, a);
        assertEquals(all, b);
    }

    @Test
    void removingTheEventDropsTheMarks() throws Exception {
        Method forLoop = Instrumented.method(Instrumented.load(Loops.class), "forLoop");
        Tool a = tool(0, linesA, disableA);
        run(forLoop);
        assertEquals(1, count(linesA, 14));
        disableA.set(false);
        a.setEvents(EventSet.NONE);
        a.setEvents(EventSet.of(Event.LINE)); // S31: setting the event again starts fresh
        run(forLoop);
        assertEquals(3, count(linesA, 14));
    }

    @Test
    void branchEdgesAreDisabledOneByOne() throws Exception {
        Method forLoop = Instrumented.method(Instrumented.load(Loops.class), "forLoop");
        List<String> edges = new ArrayList<>();
        Tool a = Monitoring.useToolId(0, "edges");
        a.registerCallback(Event.BRANCH_LEFT, Recorder.edgesInto("L", edges, Action.DISABLE));
        a.registerCallback(Event.BRANCH_RIGHT, Recorder.edgesInto("R", edges, Action.CONTINUE));
        a.setEvents(EventSet.BRANCH);
        assertEquals(3, forLoop.invoke(null, 3));
        // the left edge 6->9 is DISABLEd at its first delivery; the right edge of the same instruction is not (S18)
        assertEquals(List.of("L 6->9", "R 6->19"), edges);
        edges.clear();
        assertEquals(0, forLoop.invoke(null, 0));
        assertEquals(List.of("R 6->19"), edges);
    }
}

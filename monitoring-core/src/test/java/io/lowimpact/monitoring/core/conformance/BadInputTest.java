package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.BRANCH_LEFT;
import static io.lowimpact.monitoring.Event.BRANCH_RIGHT;
import static io.lowimpact.monitoring.Event.CALL;
import static io.lowimpact.monitoring.Event.EXTERNAL_RAISE;
import static io.lowimpact.monitoring.Event.EXTERNAL_RETURN;
import static io.lowimpact.monitoring.Event.INSTRUCTION;
import static io.lowimpact.monitoring.Event.JUMP;
import static io.lowimpact.monitoring.Event.LINE;
import static io.lowimpact.monitoring.Event.METHOD_RETURN;
import static io.lowimpact.monitoring.Event.RAISE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every public method of Monitoring, Tool, CodeUnit and Probe given bad input: the exact exception (type and
 * message, docs/spec.md) and no change of state afterwards (tools, events, local events, DISABLE marks,
 * what each probe delivers).
 */
class BadInputTest extends ConformanceBase {

    private static final int[] BAD_IDS = {-1, 6, 7, 100};
    private static final CallTarget TARGET = new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER);
    private static final LineCallback NOOP = (code, line) -> Action.CONTINUE;

    private CodeUnit a;
    private CodeUnit b;
    private Tool coverage;
    private Tool profiler;
    private Tool marker;
    private Tool stale;
    private List<Probe> probes;

    /**
     * Tool 1 "coverage": LINE globally, INSTRUCTION locally in a. Tool 2 "profiler": CALL globally. Tool 3
     * "marker": LINE locally in a, DISABLEd at a:0. Tool 4: freed (its handle is stale). Tools 0 and 5: free.
     */
    @BeforeEach
    void setUp() {
        a = page("a");
        b = page("b");
        stale = Monitoring.useToolId(4, "stale");
        stale.close();
        coverage = Monitoring.useToolId(1, "coverage");
        profiler = Monitoring.useToolId(2, "profiler");
        marker = Monitoring.useToolId(3, "marker");
        rec.on(coverage, LINE);
        rec.on(coverage, INSTRUCTION);
        rec.on(profiler, CALL);
        rec.on(marker, LINE, Action.DISABLE);
        coverage.setEvents(EventSet.of(LINE));
        coverage.setLocalEvents(a, EventSet.of(INSTRUCTION));
        profiler.setEvents(EventSet.of(CALL));
        marker.setLocalEvents(a, EventSet.of(LINE));
        probes = List.of(Monitoring.probe(a, LINE, 0), Monitoring.probe(a, INSTRUCTION, 3),
                Monitoring.probe(a, CALL, 4, TARGET), Monitoring.probe(b, LINE, 0), Monitoring.probe(b, INSTRUCTION, 3),
                Monitoring.probe(a, RAISE, 5));
        probes.get(0).fire(); // the marker's DISABLE mark at a:0
        rec.take();
    }

    /** What can be observed of the runtime: tools, sets, activity and one round of deliveries. */
    private List<String> state() {
        List<String> s = new ArrayList<>();
        for (int id = 0; id <= 5; id++) {
            s.add(id + " " + Monitoring.getTool(id) + " " + Monitoring.getEvents(id) + " a"
                    + Monitoring.getLocalEvents(id, a) + " b" + Monitoring.getLocalEvents(id, b));
        }
        for (Probe p : probes) {
            s.add(p.event() + "@" + rec.unit(p.code()) + ":" + p.offset() + " active=" + p.isActive());
        }
        probes.get(0).fire();
        probes.get(1).fire();
        probes.get(2).fireCall("x");
        probes.get(3).fire();
        probes.get(4).fire();
        probes.get(5).fireException(new IllegalStateException());
        s.addAll(rec.take());
        s.add("errors " + coverage.errorCount() + " " + profiler.errorCount() + " " + marker.errorCount());
        return s;
    }

    private void assertRejected(Class<? extends Throwable> type, String message, Executable call) {
        List<String> before = state();
        Throwable e = assertThrows(type, call);
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
        assertEquals(before, state(), "state changed by a rejected call");
    }

    /** NullPointerException naming the argument (docs/spec.md: "a NullPointerException that names the argument"). */
    private void assertNullRejected(String argument, Executable call) {
        List<String> before = state();
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(argument),
                "the message should name '" + argument + "': " + e.getMessage());
        assertEquals(before, state(), "state changed by a rejected call");
    }

    @Test
    void s1_outOfRangeIdsAreRejectedByEveryMonitoringMethod() {
        for (int id : BAD_IDS) {
            String msg = "invalid tool " + id + " (must be between 0 and 5)";
            assertRejected(IllegalArgumentException.class, msg, () -> Monitoring.useToolId(id, "x"));
            assertRejected(IllegalArgumentException.class, msg, () -> Monitoring.getTool(id));
            assertRejected(IllegalArgumentException.class, msg, () -> Monitoring.clearToolId(id));
            assertRejected(IllegalArgumentException.class, msg, () -> Monitoring.freeToolId(id));
            assertRejected(IllegalArgumentException.class, msg, () -> Monitoring.registerCallback(id, LINE, NOOP));
            assertRejected(IllegalArgumentException.class, msg, () -> Monitoring.setEvents(id, EventSet.of(LINE)));
            assertRejected(IllegalArgumentException.class, msg, () -> Monitoring.getEvents(id));
            assertRejected(IllegalArgumentException.class, msg,
                    () -> Monitoring.setLocalEvents(id, a, EventSet.of(LINE)));
            assertRejected(IllegalArgumentException.class, msg, () -> Monitoring.getLocalEvents(id, a));
            assertRejected(IllegalArgumentException.class, msg, () -> Monitoring.restartEvents(id));
        }
    }

    @Test
    void s2_badNamesAndTakenIdsAreRejected() {
        assertRejected(IllegalArgumentException.class, "invalid tool name 'null' (must not be null or blank)",
                () -> Monitoring.useToolId(0, null));
        assertRejected(IllegalArgumentException.class, "invalid tool name '' (must not be null or blank)",
                () -> Monitoring.useToolId(0, ""));
        assertRejected(IllegalArgumentException.class, "invalid tool name '  ' (must not be null or blank)",
                () -> Monitoring.useToolId(5, "  "));
        assertRejected(IllegalStateException.class, "tool 1 is already in use by 'coverage'",
                () -> Monitoring.useToolId(1, "again"));
        assertRejected(IllegalStateException.class, "tool 3 is already in use by 'marker'",
                () -> Monitoring.useToolId(3, "marker"));
    }

    @Test
    void s6_aStaleHandleIsRejectedByEveryStateMethod() {
        String msg = "tool 'stale' (id 4) has been freed";
        assertRejected(IllegalStateException.class, msg, () -> stale.registerCallback(LINE, NOOP));
        assertRejected(IllegalStateException.class, msg, () -> stale.setEvents(EventSet.of(LINE)));
        assertRejected(IllegalStateException.class, msg, stale::getEvents);
        assertRejected(IllegalStateException.class, msg, () -> stale.setLocalEvents(a, EventSet.of(LINE)));
        assertRejected(IllegalStateException.class, msg, () -> stale.getLocalEvents(a));
        assertRejected(IllegalStateException.class, msg, stale::restartEvents);
        assertRejected(IllegalStateException.class, msg, stale::clear);
        assertRejected(IllegalStateException.class, msg, () -> stale.onError((e, c, t) -> { }));
    }

    @Test
    void s7_changingAFreeIdIsRejected() {
        for (int id : new int[] {0, 4, 5}) {
            String msg = "tool " + id + " is not in use";
            assertRejected(IllegalStateException.class, msg, () -> Monitoring.setEvents(id, EventSet.of(LINE)));
            assertRejected(IllegalStateException.class, msg, () -> Monitoring.registerCallback(id, LINE, NOOP));
            assertRejected(IllegalStateException.class, msg,
                    () -> Monitoring.setLocalEvents(id, a, EventSet.of(LINE)));
        }
    }

    @Test
    void s10_externalEventsWithoutCallAreRejected() {
        String msg = "EXTERNAL_RETURN and EXTERNAL_RAISE need CALL in the same set: ";
        assertRejected(IllegalArgumentException.class, msg + "{EXTERNAL_RETURN}",
                () -> Monitoring.setEvents(2, EventSet.of(EXTERNAL_RETURN)));
        assertRejected(IllegalArgumentException.class, msg + "{EXTERNAL_RAISE}",
                () -> coverage.setEvents(EventSet.of(EXTERNAL_RAISE)));
        assertRejected(IllegalArgumentException.class, msg + "{EXTERNAL_RETURN, EXTERNAL_RAISE}",
                () -> profiler.setEvents(EventSet.ANCILLARY));
    }

    @Test
    void s13_localSetsWithGlobalEventsAreRejected() {
        String tail = " (only local events can be set for a code unit)";
        assertRejected(IllegalArgumentException.class, "not local events: {RAISE}" + tail,
                () -> Monitoring.setLocalEvents(1, a, EventSet.of(LINE, RAISE)));
        assertRejected(IllegalArgumentException.class, "not local events: {RAISE}" + tail,
                () -> coverage.setLocalEvents(b, EventSet.of(RAISE)));
        assertRejected(IllegalArgumentException.class,
                "not local events: {RAISE, EXCEPTION_HANDLED, METHOD_UNWIND, METHOD_THROW, RERAISE}" + tail,
                () -> marker.setLocalEvents(a, EventSet.GLOBAL));
    }

    @Test
    void s16_nullsAreRejectedByMonitoring() {
        assertNullRejected("event", () -> Monitoring.registerCallback(1, null, NOOP));
        assertNullRejected("events", () -> Monitoring.setEvents(1, null));
        assertNullRejected("code", () -> Monitoring.setLocalEvents(1, null, EventSet.of(LINE)));
        assertNullRejected("events", () -> Monitoring.setLocalEvents(1, a, null));
        assertNullRejected("code", () -> Monitoring.getLocalEvents(1, null));
    }

    @Test
    void s16_nullsAreRejectedByTool() {
        assertNullRejected("event", () -> coverage.registerCallback(null, NOOP));
        assertNullRejected("events", () -> coverage.setEvents(null));
        assertNullRejected("code", () -> coverage.setLocalEvents(null, EventSet.of(LINE)));
        assertNullRejected("events", () -> coverage.setLocalEvents(a, null));
        assertNullRejected("code", () -> coverage.getLocalEvents(null));
    }

    @Test
    void s24_nullsAreRejectedByCodeUnit() {
        assertNullRejected("spec", () -> CodeUnit.define(null));
        assertRejected(NullPointerException.class, null, () -> CodeUnit.of((Method) null));
        assertRejected(NullPointerException.class, null, () -> CodeUnit.of((Constructor<?>) null));
    }

    @Test
    void s34_nullsAreRejectedByProbe() {
        assertNullRejected("code", () -> Monitoring.probe(null, LINE, 0));
        assertNullRejected("event", () -> Monitoring.probe(a, null, 0));
        assertNullRejected("code", () -> Monitoring.probe(null, JUMP, 0, 1));
        assertNullRejected("event", () -> Monitoring.probe(a, null, 0, 1));
        assertNullRejected("code", () -> Monitoring.probe(null, CALL, 4, TARGET));
        assertNullRejected("event", () -> Monitoring.probe(a, null, 4, TARGET));
        assertNullRejected("target", () -> Monitoring.probe(a, CALL, 4, null));
    }

    @Test
    void s37_offsetsOutsideTheUnitAreRejected() {
        String unit = " outside code unit " + name(a) + " (length 30)";
        assertRejected(IllegalArgumentException.class, "offset 40" + unit, () -> Monitoring.probe(a, LINE, 40));
        assertRejected(IllegalArgumentException.class, "offset 30" + unit, () -> Monitoring.probe(a, INSTRUCTION, 30));
        assertRejected(IllegalArgumentException.class, "offset -1" + unit, () -> Monitoring.probe(a, RAISE, -1));
        assertRejected(IllegalArgumentException.class, "offset 100" + unit,
                () -> Monitoring.probe(a, CALL, 100, TARGET));
        assertRejected(IllegalArgumentException.class, "offset 30" + unit, () -> Monitoring.probe(a, JUMP, 30, 1));
        assertRejected(IllegalArgumentException.class, "offset 31" + unit, () -> Monitoring.probe(a, JUMP, 1, 31));
    }

    @Test
    void s37_locationsTheUnitDoesNotHaveAreRejected() {
        String in = " in code unit " + name(a);
        assertRejected(IllegalArgumentException.class, "no BRANCH_RIGHT edge 10 -> 11" + in,
                () -> Monitoring.probe(a, BRANCH_RIGHT, 10, 11));
        assertRejected(IllegalArgumentException.class, "no BRANCH_RIGHT edge 10 -> 20" + in,
                () -> Monitoring.probe(a, BRANCH_RIGHT, 10, 20));
        assertRejected(IllegalArgumentException.class, "no BRANCH_LEFT edge 10 -> 25" + in,
                () -> Monitoring.probe(a, BRANCH_LEFT, 10, 25));
        assertRejected(IllegalArgumentException.class, "no BRANCH_LEFT edge 3 -> 4" + in,
                () -> Monitoring.probe(a, BRANCH_LEFT, 3, 4));
        assertRejected(IllegalArgumentException.class,
                "a CALL probe at offset 4 of code unit " + name(a) + " already has target a.B.c()",
                () -> Monitoring.probe(a, CALL, 4, new CallTarget("a.B", "d", "()", CallTarget.Kind.OTHER)));
    }

    @Test
    void s37_linesTheUnitDoesNotHaveAreRejected() {
        CodeUnit noLines = rec.alias(CodeUnit.define(io.lowimpact.monitoring.CodeUnitSpec
                .builder(freshClassName(), "render").length(30).branch(10, 20, 25).build()), "n");
        assertRejected(IllegalArgumentException.class, "no line at offset 5 of code unit " + name(noLines),
                () -> Monitoring.probe(noLines, LINE, 5));
    }

    @Test
    void s37_probesForTheWrongKindOfLocationAreRejected() {
        assertRejected(IllegalArgumentException.class, "BRANCH_LEFT probes are edges: use probe(code, event, from, to)",
                () -> Monitoring.probe(a, BRANCH_LEFT, 10));
        assertRejected(IllegalArgumentException.class, "JUMP probes are edges: use probe(code, event, from, to)",
                () -> Monitoring.probe(a, JUMP, 10));
        assertRejected(IllegalArgumentException.class,
                "CALL probes need a target: use probe(code, event, offset, target)", () -> Monitoring.probe(a, CALL, 4));
        assertRejected(IllegalArgumentException.class,
                "EXTERNAL_RAISE probes need a target: use probe(code, event, offset, target)",
                () -> Monitoring.probe(a, EXTERNAL_RAISE, 4));
        assertRejected(IllegalArgumentException.class, null, () -> Monitoring.probe(a, LINE, 0, 10));
        assertRejected(IllegalArgumentException.class, null, () -> Monitoring.probe(a, INSTRUCTION, 0, TARGET));
    }

    @Test
    void s37_wrongFireMethodsAndNullExceptionsAreRejected() {
        Probe line = probes.get(0);
        Probe call = probes.get(2);
        Probe raise = probes.get(5);
        Probe ret = Monitoring.probe(a, METHOD_RETURN, 29);
        assertRejected(IllegalArgumentException.class, "exception must not be null", () -> raise.fireException(null));
        assertRejected(IllegalArgumentException.class, "METHOD_RETURN probes fire with fireReturn(value), not fire()",
                ret::fire);
        assertRejected(IllegalArgumentException.class, "LINE probes fire with fire(), not fireCall(arg0)",
                () -> line.fireCall("x"));
        assertRejected(IllegalArgumentException.class, "CALL probes fire with fireCall(arg0), not fire()", call::fire);
        assertRejected(IllegalArgumentException.class,
                "RAISE probes fire with fireException(exception), not fireReturn(value)", () -> raise.fireReturn(1));
    }

    @Test
    void s37_aNullExceptionIsRejectedEvenWhereNoToolListens() {
        Probe unwind = Monitoring.probe(b, io.lowimpact.monitoring.Event.METHOD_UNWIND, 2);
        assertRejected(IllegalArgumentException.class, "exception must not be null", () -> unwind.fireException(null));
    }

    @Test
    void s37_rejectedProbesDoNotAppearLater() {
        assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(a, BRANCH_LEFT, 10, 25));
        Tool zero = Monitoring.useToolId(0, "zero");
        rec.on(zero, BRANCH_LEFT);
        zero.setEvents(EventSet.BRANCH);
        Monitoring.probe(a, BRANCH_LEFT, 10, 20).fire();
        assertEquals(List.of("0:BRANCH_LEFT unit=a from=10 to=20"), rec.take());
        assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(a, BRANCH_LEFT, 10, 25));
        assertEquals(EventSet.BRANCH, zero.getEvents());
    }
}

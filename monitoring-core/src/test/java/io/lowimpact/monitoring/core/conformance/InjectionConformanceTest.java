package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.BRANCH_LEFT;
import static io.lowimpact.monitoring.Event.BRANCH_RIGHT;
import static io.lowimpact.monitoring.Event.CALL;
import static io.lowimpact.monitoring.Event.EXCEPTION_HANDLED;
import static io.lowimpact.monitoring.Event.EXTERNAL_RAISE;
import static io.lowimpact.monitoring.Event.EXTERNAL_RETURN;
import static io.lowimpact.monitoring.Event.INSTRUCTION;
import static io.lowimpact.monitoring.Event.JUMP;
import static io.lowimpact.monitoring.Event.LINE;
import static io.lowimpact.monitoring.Event.METHOD_RESUME;
import static io.lowimpact.monitoring.Event.METHOD_RETURN;
import static io.lowimpact.monitoring.Event.METHOD_START;
import static io.lowimpact.monitoring.Event.METHOD_THROW;
import static io.lowimpact.monitoring.Event.METHOD_UNWIND;
import static io.lowimpact.monitoring.Event.METHOD_YIELD;
import static io.lowimpact.monitoring.Event.RAISE;
import static io.lowimpact.monitoring.Event.RERAISE;
import static io.lowimpact.monitoring.Event.STOP_ITERATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Position;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** §7 Injection API: S33..S37. */
class InjectionConformanceTest extends ConformanceBase {

    private static final CallTarget TARGET = new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER);

    private static void assertIae(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    /** A probe of {@code event} in {@code a} at a valid location. */
    private static Probe probeFor(CodeUnit a, Event<?> event) {
        if (event == JUMP) {
            return Monitoring.probe(a, JUMP, 29, 0);
        } else if (event == BRANCH_LEFT) {
            return Monitoring.probe(a, BRANCH_LEFT, 10, 20);
        } else if (event == BRANCH_RIGHT) {
            return Monitoring.probe(a, BRANCH_RIGHT, 10, 25);
        } else if (event == CALL || event == EXTERNAL_RETURN || event == EXTERNAL_RAISE) {
            return Monitoring.probe(a, event, 4, TARGET);
        }
        return Monitoring.probe(a, event, 0);
    }

    @Test
    void s33_defineRegistersNamesAndTables() {
        String cls = freshClassName();
        CodeUnitSpec spec = CodeUnitSpec.builder(cls, "render").descriptor("(Ljava/lang/Object;)V")
                .sourceFile("page.tmpl").sourceFile("inc.tmpl").length(30)
                .position(new Position(10, 30, 2, 4, 0, 3, 1)).line(0, 10, 1).branch(10, 20, 25).build();
        CodeUnit unit = CodeUnit.define(spec);
        assertEquals(cls, unit.className());
        assertEquals("render", unit.methodName());
        assertEquals("(Ljava/lang/Object;)V", unit.descriptor());
        assertEquals(spec.sourceFiles(), unit.sourceFiles());
        assertEquals(spec.positions(), unit.positions());
        assertEquals(spec.branches(), unit.branches());
        assertEquals(30, unit.length());
        assertEquals(unit.id(), CodeUnit.find(cls, "render", "(Ljava/lang/Object;)V").orElseThrow().id());
    }

    @Test
    void s33_invalidTablesAreRefusedAndNothingIsDefined() {
        String cls = freshClassName();
        assertIae("positions overlap: [0, 10) and [5, 15)", () -> CodeUnit.define(
                CodeUnitSpec.builder(cls, "render").line(0, 10, 1).line(5, 15, 2).build()));
        assertIae("invalid position range [-1, 10) (offsets must be >= 0 and the range not empty)",
                () -> CodeUnit.define(CodeUnitSpec.builder(cls, "render").line(-1, 10, 1).build()));
        assertIae("unknown source index 1 (the unit has 1 source files)", () -> CodeUnit.define(
                CodeUnitSpec.builder(cls, "render").sourceFile("f").position(new Position(0, 5, 1, 1, -1, -1, 1))
                        .build()));
        assertEquals(Optional.empty(), CodeUnit.find(cls, "render", ""));
    }

    @Test
    void s33_defineRejectsNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> CodeUnit.define(null));
        assertTrue(e.getMessage() != null && e.getMessage().contains("spec"), e.getMessage());
    }

    @Test
    void s34_theSameLocationGivesTheSameProbe() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        assertSame(Monitoring.probe(a, LINE, 0), Monitoring.probe(a, LINE, 0));
        assertSame(Monitoring.probe(a, BRANCH_RIGHT, 10, 25), Monitoring.probe(a, BRANCH_RIGHT, 10, 25));
        assertSame(Monitoring.probe(a, CALL, 4, TARGET), Monitoring.probe(a, CALL, 4,
                new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER)));
        assertNotSame(Monitoring.probe(a, LINE, 0), Monitoring.probe(a, LINE, 1));
        assertNotSame(Monitoring.probe(a, LINE, 0), Monitoring.probe(b, LINE, 0));
        assertNotSame(Monitoring.probe(a, LINE, 0), Monitoring.probe(a, INSTRUCTION, 0));
        assertNotSame(Monitoring.probe(a, JUMP, 10, 20), Monitoring.probe(a, BRANCH_LEFT, 10, 20));
    }

    @Test
    void s34_isActiveIsTrueExactlyWhenSomeToolWouldReceive() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        Probe line = Monitoring.probe(a, LINE, 0);
        assertFalse(line.isActive(), "no tool");
        Tool one = Monitoring.useToolId(1, "one");
        one.setEvents(EventSet.of(LINE));
        assertFalse(line.isActive(), "events but no callback");
        one.setEvents(EventSet.NONE);
        rec.on(one, LINE, Action.DISABLE);
        assertFalse(line.isActive(), "callback but no events");
        one.setLocalEvents(b, EventSet.of(LINE));
        assertFalse(line.isActive(), "events for another unit");
        one.setLocalEvents(a, EventSet.of(LINE));
        assertTrue(line.isActive(), "local events and a callback");
        line.fire();
        assertFalse(line.isActive(), "disabled by its only tool");
        Tool two = Monitoring.useToolId(2, "two");
        rec.on(two, LINE);
        two.setEvents(EventSet.of(LINE));
        assertTrue(line.isActive(), "a second tool receives it");
        two.close();
        assertFalse(line.isActive());
        one.restartEvents();
        assertTrue(line.isActive(), "restarted");
        one.clear();
        assertFalse(line.isActive());
    }

    @Test
    void s34_isActiveAllocatesNothing() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "one");
        rec.on(tool, LINE);
        tool.setEvents(EventSet.of(LINE));
        Probe on = Monitoring.probe(a, LINE, 0);
        Probe off = Monitoring.probe(a, INSTRUCTION, 0);
        int actives = 0;
        for (int i = 0; i < 10_000; i++) {
            actives += (on.isActive() ? 1 : 0) + (off.isActive() ? 1 : 0);
        }
        long before = JdkAccess.allocatedBytes();
        for (int i = 0; i < 1_000_000; i++) {
            actives += (on.isActive() ? 1 : 0) + (off.isActive() ? 1 : 0);
        }
        long allocated = JdkAccess.allocatedBytes() - before;
        assertEquals(1_010_000, actives);
        assertTrue(allocated < 10_000, "2,000,000 calls of isActive() allocated " + allocated + " bytes");
    }

    @Test
    void s34_injectedEventsFollowDisableRestartAndReentrancy() {
        CodeUnit a = page("a");
        Probe instruction = Monitoring.probe(a, INSTRUCTION, 3);
        Tool one = Monitoring.useToolId(1, "one");
        Tool two = Monitoring.useToolId(2, "two");
        rec.on(one, LINE, () -> {
            instruction.fire();
            return Action.DISABLE;
        });
        rec.on(one, INSTRUCTION);
        rec.on(two, INSTRUCTION, Action.DISABLE);
        one.setEvents(EventSet.of(LINE, INSTRUCTION));
        two.setEvents(EventSet.of(INSTRUCTION));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        line.fire();
        instruction.fire();
        Monitoring.restartEvents();
        line.fire();
        assertEquals(List.of(
                "1:LINE unit=a line=1", "2:INSTRUCTION unit=a offset=3",
                "1:INSTRUCTION unit=a offset=3",
                "1:LINE unit=a line=1", "2:INSTRUCTION unit=a offset=3"), rec.events());
    }

    @Test
    void s35_localEventsDisableAndRestartWorkForInjectedUnits() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        Tool tool = Monitoring.useToolId(1, "coverage");
        rec.on(tool, LINE, Action.DISABLE);
        rec.on(tool, BRANCH_LEFT, Action.DISABLE);
        rec.on(tool, BRANCH_RIGHT, Action.DISABLE);
        tool.setLocalEvents(a, EventSet.of(LINE).union(EventSet.BRANCH));
        List<Probe> probes = List.of(
                Monitoring.probe(a, LINE, 0), Monitoring.probe(a, LINE, 10),
                Monitoring.probe(a, BRANCH_LEFT, 10, 20), Monitoring.probe(a, BRANCH_RIGHT, 10, 25),
                Monitoring.probe(b, LINE, 0), Monitoring.probe(b, BRANCH_RIGHT, 10, 25));
        List<String> once = List.of("1:LINE unit=a line=1", "1:LINE unit=a line=2",
                "1:BRANCH_LEFT unit=a from=10 to=20", "1:BRANCH_RIGHT unit=a from=10 to=25");
        probes.forEach(Probe::fire);
        probes.forEach(Probe::fire);
        assertEquals(once, rec.take());
        tool.setEvents(EventSet.of(INSTRUCTION)); // unrelated: marks stay
        probes.forEach(Probe::fire);
        assertEquals(List.of(), rec.take());
        tool.restartEvents();
        probes.forEach(Probe::fire);
        probes.forEach(Probe::fire);
        assertEquals(once, rec.take());
        assertEquals(EventSet.of(LINE).union(EventSet.BRANCH), tool.getLocalEvents(a));
    }

    @Test
    void s36_callSiteTypeFollowsTheFireMethod() {
        CodeUnit a = page("a");
        MethodType none = MethodType.methodType(void.class);
        MethodType value = MethodType.methodType(void.class, Object.class);
        MethodType exception = MethodType.methodType(void.class, Throwable.class);
        for (Event<?> e : List.of(METHOD_START, METHOD_RESUME, LINE, INSTRUCTION, JUMP, BRANCH_LEFT, BRANCH_RIGHT)) {
            assertEquals(none, probeFor(a, e).callSite().type(), e.name());
        }
        for (Event<?> e : List.of(METHOD_RETURN, METHOD_YIELD, CALL, EXTERNAL_RETURN, EXTERNAL_RAISE)) {
            assertEquals(value, probeFor(a, e).callSite().type(), e.name());
        }
        for (Event<?> e : List.of(STOP_ITERATION, RAISE, EXCEPTION_HANDLED, METHOD_UNWIND, METHOD_THROW, RERAISE)) {
            assertEquals(exception, probeFor(a, e).callSite().type(), e.name());
        }
    }

    @Test
    void s36_callSiteIsTheSameAtEachCall() {
        CodeUnit a = page("a");
        Probe line = Monitoring.probe(a, LINE, 0);
        CallSite site = line.callSite();
        assertSame(site, line.callSite());
        assertSame(site, Monitoring.probe(a, LINE, 0).callSite());
    }

    @Test
    void s36_callSiteTargetIsANoOpWhileInactiveAndFiresWhenActive() throws Throwable {
        CodeUnit a = page("a");
        Probe line = Monitoring.probe(a, LINE, 0);
        Probe ret = Monitoring.probe(a, METHOD_RETURN, 29);
        Probe call = Monitoring.probe(a, CALL, 4, TARGET);
        Probe raise = Monitoring.probe(a, RAISE, 7);
        MethodHandle lineMh = line.callSite().dynamicInvoker();
        MethodHandle retMh = ret.callSite().dynamicInvoker();
        MethodHandle callMh = call.callSite().dynamicInvoker();
        MethodHandle raiseMh = raise.callSite().dynamicInvoker();
        Exception boom = new IllegalStateException("boom");
        Tool tool = Monitoring.useToolId(1, "gen");
        rec.on(tool, LINE, Action.DISABLE);
        rec.on(tool, METHOD_RETURN);
        rec.on(tool, CALL);
        rec.on(tool, RAISE);

        lineMh.invoke();
        retMh.invoke((Object) "r");
        callMh.invoke((Object) "recv");
        raiseMh.invoke((Throwable) boom);
        assertEquals(List.of(), rec.take(), "inactive: the targets do nothing");

        tool.setEvents(EventSet.of(LINE, METHOD_RETURN, CALL, RAISE));
        lineMh.invoke();
        lineMh.invoke();
        retMh.invoke((Object) "r");
        callMh.invoke((Object) "recv");
        raiseMh.invoke((Throwable) boom);
        assertEquals(List.of(
                "1:LINE unit=a line=1",
                "1:METHOD_RETURN unit=a offset=29 value=r",
                "1:CALL unit=a offset=4 target=a.B.c() arg0=recv",
                "1:RAISE unit=a offset=7 exception=java.lang.IllegalStateException: boom"), rec.take(),
                "active: the targets fire; DISABLE patches the LINE site out again");

        tool.restartEvents();
        lineMh.invoke();
        tool.setEvents(EventSet.NONE);
        lineMh.invoke();
        retMh.invoke((Object) "r");
        assertEquals(List.of("1:LINE unit=a line=1"), rec.take());
    }

    @Test
    void s37_aNullExceptionIsRefusedAndNothingIsDelivered() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "all");
        rec.onAll(tool);
        tool.setEvents(EventSet.ALL);
        for (Event<?> e : List.of(STOP_ITERATION, RAISE, EXCEPTION_HANDLED, METHOD_UNWIND, METHOD_THROW, RERAISE)) {
            Probe p = Monitoring.probe(a, e, 3);
            assertIae("exception must not be null", () -> p.fireException(null));
        }
        assertEquals(List.of(), rec.events());
        assertEquals(0, tool.errorCount());
    }

    @Test
    void s37_anotherFireMethodIsRefusedAndNothingIsDelivered() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "all");
        rec.onAll(tool);
        tool.setEvents(EventSet.ALL);
        Exception boom = new RuntimeException();
        Probe ret = Monitoring.probe(a, METHOD_RETURN, 29);
        Probe line = Monitoring.probe(a, LINE, 0);
        Probe call = Monitoring.probe(a, CALL, 4, TARGET);
        Probe raise = Monitoring.probe(a, RAISE, 4);
        assertIae("METHOD_RETURN probes fire with fireReturn(value), not fire()", ret::fire);
        assertIae("METHOD_RETURN probes fire with fireReturn(value), not fireCall(arg0)", () -> ret.fireCall("x"));
        assertIae("LINE probes fire with fire(), not fireReturn(value)", () -> line.fireReturn(1));
        assertIae("LINE probes fire with fire(), not fireException(exception)", () -> line.fireException(boom));
        assertIae("CALL probes fire with fireCall(arg0), not fire()", call::fire);
        assertIae("CALL probes fire with fireCall(arg0), not fireReturn(value)", () -> call.fireReturn(1));
        assertIae("RAISE probes fire with fireException(exception), not fire()", raise::fire);
        assertIae("RAISE probes fire with fireException(exception), not fireCall(arg0)", () -> raise.fireCall(boom));
        assertEquals(List.of(), rec.events());
    }

    @Test
    void s37_anOffsetOutsideTheUnitIsRefused() {
        CodeUnit a = page("a");
        String unit = " outside code unit " + name(a) + " (length 30)";
        assertIae("offset 40" + unit, () -> Monitoring.probe(a, INSTRUCTION, 40));
        assertIae("offset 30" + unit, () -> Monitoring.probe(a, RAISE, 30));
        assertIae("offset -1" + unit, () -> Monitoring.probe(a, METHOD_START, -1));
        assertIae("offset 40" + unit, () -> Monitoring.probe(a, LINE, 40));
        assertIae("offset 40" + unit, () -> Monitoring.probe(a, CALL, 40, TARGET));
        assertIae("offset 40" + unit, () -> Monitoring.probe(a, JUMP, 40, 0));
        assertIae("offset 40" + unit, () -> Monitoring.probe(a, JUMP, 0, 40));
    }

    @Test
    void s37_probesAreMadeForTheirKindOfLocation() {
        CodeUnit a = page("a");
        assertIae("BRANCH_LEFT probes are edges: use probe(code, event, from, to)",
                () -> Monitoring.probe(a, BRANCH_LEFT, 10));
        assertIae("BRANCH_RIGHT probes are edges: use probe(code, event, from, to)",
                () -> Monitoring.probe(a, BRANCH_RIGHT, 10));
        assertIae("JUMP probes are edges: use probe(code, event, from, to)", () -> Monitoring.probe(a, JUMP, 10));
        assertIae("CALL probes need a target: use probe(code, event, offset, target)",
                () -> Monitoring.probe(a, CALL, 4));
        assertIae("EXTERNAL_RETURN probes need a target: use probe(code, event, offset, target)",
                () -> Monitoring.probe(a, EXTERNAL_RETURN, 4));
        assertIae("EXTERNAL_RAISE probes need a target: use probe(code, event, offset, target)",
                () -> Monitoring.probe(a, EXTERNAL_RAISE, 4));
        assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(a, LINE, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(a, LINE, 0, TARGET));
        assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(a, RAISE, 0, 10));
    }

    @Test
    void s37_aCallProbeKeepsItsTarget() {
        CodeUnit a = page("a");
        Monitoring.probe(a, CALL, 4, TARGET);
        CallTarget other = new CallTarget("x.Y", "z", "(I)V", CallTarget.Kind.STATIC);
        assertIae("a CALL probe at offset 4 of code unit " + name(a) + " already has target a.B.c()",
                () -> Monitoring.probe(a, CALL, 4, other));
        assertEquals(TARGET, Monitoring.probe(a, CALL, 4, TARGET).target());
        assertEquals(other, Monitoring.probe(a, CALL, 5, other).target());
    }
}

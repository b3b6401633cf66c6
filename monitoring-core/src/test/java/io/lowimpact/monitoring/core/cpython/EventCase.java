package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import java.util.List;
import java.util.stream.Stream;

/**
 * One row of CPython's {@code TestCApiEventGeneration.cases}, extended to all 18 events: the event, the probe
 * method that fires it, its argument, and what a {@link Recorder} writes when it fires at offset 0 of a
 * {@link #codeLike() CodeLike} unit.
 */
final class EventCase {

    /** The four ways a probe fires. */
    enum Fire {
        FIRE("fire"), RETURN("fireReturn"), CALL("fireCall"), EXCEPTION("fireException");

        final String method;

        Fire(String method) {
            this.method = method;
        }
    }

    /** CPython's {@code ValueError}. */
    static final class ValueError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ValueError(String message) {
            super(message);
        }
    }

    /** CPython's {@code StopIteration}. */
    static final class StopIteration extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopIteration(String message) {
            super(message);
        }
    }

    /** What the call probes call: CPython's test passes the builtin {@code callable}. */
    static final CallTarget CALLABLE = new CallTarget("builtins", "callable", "(obj)", CallTarget.Kind.OTHER);

    final Event<?> event;
    final Fire fire;
    final Object argument;
    final String expected;

    private EventCase(Event<?> event, Fire fire, Object argument, String expected) {
        this.event = event;
        this.fire = fire;
        this.argument = argument;
        this.expected = expected;
    }

    /** @return the 18 cases, in event order */
    static Stream<EventCase> all() {
        return Stream.of(
                new EventCase(Event.METHOD_START, Fire.FIRE, null, "METHOD_START codelike 0"),
                new EventCase(Event.METHOD_RESUME, Fire.FIRE, null, "METHOD_RESUME codelike 0"),
                new EventCase(Event.METHOD_RETURN, Fire.RETURN, 20, "METHOD_RETURN codelike 0 20"),
                new EventCase(Event.METHOD_YIELD, Fire.RETURN, 10, "METHOD_YIELD codelike 0 10"),
                new EventCase(Event.CALL, Fire.CALL, 40, "CALL codelike 0 callable 40"),
                new EventCase(Event.LINE, Fire.FIRE, null, "LINE codelike 1"),
                new EventCase(Event.INSTRUCTION, Fire.FIRE, null, "INSTRUCTION codelike 0"),
                new EventCase(Event.JUMP, Fire.FIRE, null, "JUMP codelike 0 60"),
                new EventCase(Event.BRANCH_LEFT, Fire.FIRE, null, "BRANCH_LEFT codelike 0 80"),
                new EventCase(Event.BRANCH_RIGHT, Fire.FIRE, null, "BRANCH_RIGHT codelike 0 70"),
                new EventCase(Event.STOP_ITERATION, Fire.EXCEPTION, new StopIteration("8"),
                        "STOP_ITERATION codelike 0 StopIteration(8)"),
                new EventCase(Event.RAISE, Fire.EXCEPTION, new ValueError("2"), "RAISE codelike 0 ValueError(2)"),
                new EventCase(Event.EXCEPTION_HANDLED, Fire.EXCEPTION, new ValueError("5"),
                        "EXCEPTION_HANDLED codelike 0 ValueError(5)"),
                new EventCase(Event.METHOD_UNWIND, Fire.EXCEPTION, new ValueError("6"),
                        "METHOD_UNWIND codelike 0 ValueError(6)"),
                new EventCase(Event.METHOD_THROW, Fire.EXCEPTION, new ValueError("1"),
                        "METHOD_THROW codelike 0 ValueError(1)"),
                new EventCase(Event.RERAISE, Fire.EXCEPTION, new ValueError("3"), "RERAISE codelike 0 ValueError(3)"),
                new EventCase(Event.EXTERNAL_RETURN, Fire.CALL, 40, "EXTERNAL_RETURN codelike 0 callable 40"),
                new EventCase(Event.EXTERNAL_RAISE, Fire.CALL, 40, "EXTERNAL_RAISE codelike 0 callable 40"));
    }

    /**
     * CPython's {@code _testcapi.CodeLike}: a fresh unit of length 100, line 1 on {@code [0, 50)}, line 2 on
     * {@code [50, 100)}, branches {@code 0 -> 80 | 70} and {@code 1 -> 81 | 71}.
     *
     * @return the unit
     */
    static CodeUnit codeLike() {
        return Ports.define("codelike", b -> b.length(100).line(0, 50, 1).line(50, 100, 2)
                .branch(0, 80, 70).branch(1, 81, 71));
    }

    /**
     * @param code a {@link #codeLike()} unit
     * @return the probe of this case's event at offset 0 (edges from 0)
     */
    Probe probe(CodeUnit code) {
        return probeAt(code, 0);
    }

    /**
     * @param code a {@link #codeLike()} unit
     * @return the probe of this case's event at another location: offset 1 (edges from 1), line 2 for LINE
     */
    Probe otherProbe(CodeUnit code) {
        return probeAt(code, 1);
    }

    private Probe probeAt(CodeUnit code, int offset) {
        if (event == Event.JUMP) {
            return Monitoring.probe(code, event, offset, 60 + offset);
        } else if (event == Event.BRANCH_LEFT) {
            return Monitoring.probe(code, event, offset, 80 + offset);
        } else if (event == Event.BRANCH_RIGHT) {
            return Monitoring.probe(code, event, offset, 70 + offset);
        } else if (event == Event.LINE) {
            return Monitoring.probe(code, event, offset * 50);
        } else if (fire == Fire.CALL) {
            return Monitoring.probe(code, event, offset, CALLABLE);
        }
        return Monitoring.probe(code, event, offset);
    }

    /** @return the global set that makes a tool receive this event: CALL for the external events */
    EventSet eventSet() {
        return event.kind() == Event.Kind.ANCILLARY ? EventSet.of(Event.CALL) : EventSet.of(event);
    }

    /** @return whether DISABLE from this event is a tool error (S19) */
    boolean cannotDisable() {
        return event.kind() != Event.Kind.LOCAL;
    }

    /**
     * Fires the probe with this case's method and argument.
     *
     * @param probe a probe of this case
     */
    void fire(Probe probe) {
        fireWith(probe, fire);
    }

    /**
     * Fires the probe with the given method, and this case's argument where the method takes one
     * (a fresh exception when this case has none).
     *
     * @param probe a probe
     * @param how the method
     */
    void fireWith(Probe probe, Fire how) {
        switch (how) {
            case FIRE:
                probe.fire();
                break;
            case RETURN:
                probe.fireReturn(argument);
                break;
            case CALL:
                probe.fireCall(argument);
                break;
            default:
                probe.fireException(argument instanceof Throwable ? (Throwable) argument : new ValueError("x"));
                break;
        }
    }

    /** @return the fire methods that are not this case's */
    List<Fire> wrongMethods() {
        return Stream.of(Fire.values()).filter(f -> f != fire).toList();
    }

    @Override
    public String toString() {
        return event.name();
    }
}

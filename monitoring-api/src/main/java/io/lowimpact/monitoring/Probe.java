package io.lowimpact.monitoring;

import java.lang.invoke.CallSite;

/**
 * One location where an event can fire: a code unit, an event, and an offset (or a {@code from -> to} edge).
 * Obtained from {@link Monitoring#probe(CodeUnit, Event, int)} and its overloads; the same location always
 * gives the same probe. Injected and bytecode events travel the same path: the same callbacks, per-location
 * DISABLE, restart and re-entrancy rules.
 *
 * <p>Typical use by an interpreter:
 * <pre>{@code
 * if (lineProbe.isActive()) {
 *     lineProbe.fire();
 * }
 * }</pre>
 *
 * <p>Each probe is made for one event and fires it with one method: {@link #fire()} for
 * {@code METHOD_START}, {@code METHOD_RESUME}, {@code LINE}, {@code INSTRUCTION}, {@code JUMP} and the
 * {@code BRANCH} events; {@link #fireReturn(Object)} for {@code METHOD_RETURN} and {@code METHOD_YIELD};
 * {@link #fireCall(Object)} for {@code CALL}, {@code EXTERNAL_RETURN} and {@code EXTERNAL_RAISE};
 * {@link #fireException(Throwable)} for the exception events. Any other method throws
 * {@link IllegalArgumentException} and delivers nothing.
 */
public interface Probe {

    /** @return the unit this probe fires in */
    CodeUnit code();

    /** @return the event this probe fires */
    Event<?> event();

    /** @return the offset (for an edge, its {@code from}) */
    int offset();

    /** @return the destination of a jump or branch edge, or -1 for other events */
    int to();

    /** @return the call target of a {@code CALL}, {@code EXTERNAL_RETURN} or {@code EXTERNAL_RAISE} probe, else null */
    CallTarget target();

    /**
     * Whether some tool would receive this event here now: its events contain it (globally or for this unit),
     * it has a callback for it, and it has not disabled this location. A single field read: no lock, no allocation.
     *
     * @return true iff firing would deliver to at least one tool
     */
    boolean isActive();

    /** Fires an event that carries no value. */
    void fire();

    /**
     * Fires a return or yield.
     *
     * @param value the value, or {@link Monitoring#MISSING} when there is none
     */
    void fireReturn(Object value);

    /**
     * Fires a call event.
     *
     * @param arg0 the receiver, else the first argument, else {@link Monitoring#MISSING}
     */
    void fireCall(Object arg0);

    /**
     * Fires an exception event.
     *
     * @param exception the exception, not null
     * @throws IllegalArgumentException if {@code exception} is null
     */
    void fireException(Throwable exception);

    /**
     * A call site that code generators can bind to {@code invokedynamic}: its target does nothing while the
     * probe is inactive and fires the event otherwise, so generated code gets the same patch-out as bytecode
     * probes. Its type is {@code ()void} for events fired with {@link #fire()}, {@code (Object)void} for
     * return and call events, and {@code (Throwable)void} for exception events.
     *
     * @return the call site of this probe, the same one at each call
     */
    CallSite callSite();
}

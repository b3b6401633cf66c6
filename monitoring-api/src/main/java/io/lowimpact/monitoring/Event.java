package io.lowimpact.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * A kind of monitoring event, typed by the callback that receives it.
 *
 * <p>The constants follow CPython's {@code sys.monitoring.events} in order and meaning, with JVM names:
 * {@code ordinal()} is stable and is the bit index of the event in an {@link EventSet}.
 *
 * @param <C> the callback interface registered for this event
 */
public final class Event<C> {

    /** Where an event can be switched on. */
    public enum Kind {
        /** Can be set globally or for one code unit, and can be {@link Action#DISABLE}d per location. */
        LOCAL,
        /** Can only be set globally; cannot be disabled. */
        GLOBAL,
        /** Fires only while {@link Event#CALL} is set for the tool; cannot be disabled. */
        ANCILLARY
    }

    /** A method (or injected unit) is entered, before its first instruction; offset 0 for bytecode. */
    public static final Event<StartCallback> METHOD_START = new Event<>(0, "METHOD_START", Kind.LOCAL, StartCallback.class);
    /** A suspended unit resumes (generators, coroutines); fired only through the injection API. */
    public static final Event<StartCallback> METHOD_RESUME = new Event<>(1, "METHOD_RESUME", Kind.LOCAL, StartCallback.class);
    /** A unit is about to return; the value is boxed, {@link Monitoring#MISSING} for {@code void}. */
    public static final Event<ReturnCallback> METHOD_RETURN = new Event<>(2, "METHOD_RETURN", Kind.LOCAL, ReturnCallback.class);
    /** A unit suspends with a value; fired only through the injection API. */
    public static final Event<ReturnCallback> METHOD_YIELD = new Event<>(3, "METHOD_YIELD", Kind.LOCAL, ReturnCallback.class);
    /** An invoke instruction (or injected call) is about to execute. */
    public static final Event<CallCallback> CALL = new Event<>(4, "CALL", Kind.LOCAL, CallCallback.class);
    /** Control reaches a line point. */
    public static final Event<LineCallback> LINE = new Event<>(5, "LINE", Kind.LOCAL, LineCallback.class);
    /** An original instruction is about to execute. */
    public static final Event<InstructionCallback> INSTRUCTION = new Event<>(6, "INSTRUCTION", Kind.LOCAL, InstructionCallback.class);
    /** An unconditional jump is taken. */
    public static final Event<JumpCallback> JUMP = new Event<>(7, "JUMP", Kind.LOCAL, JumpCallback.class);
    /** A conditional branch falls through, or a switch takes its default. */
    public static final Event<JumpCallback> BRANCH_LEFT = new Event<>(8, "BRANCH_LEFT", Kind.LOCAL, JumpCallback.class);
    /** A conditional branch jumps, or a switch takes a case label. */
    public static final Event<JumpCallback> BRANCH_RIGHT = new Event<>(9, "BRANCH_RIGHT", Kind.LOCAL, JumpCallback.class);
    /** An emulated iterator ends; fired only through the injection API. */
    public static final Event<ExceptionCallback> STOP_ITERATION = new Event<>(10, "STOP_ITERATION", Kind.LOCAL, ExceptionCallback.class);
    /** An exception is about to be thrown in this code. */
    public static final Event<ExceptionCallback> RAISE = new Event<>(11, "RAISE", Kind.GLOBAL, ExceptionCallback.class);
    /** A handler in this code catches an exception; the offset is the handler's start. */
    public static final Event<ExceptionCallback> EXCEPTION_HANDLED = new Event<>(12, "EXCEPTION_HANDLED", Kind.GLOBAL, ExceptionCallback.class);
    /** This code exits by an exception. */
    public static final Event<ExceptionCallback> METHOD_UNWIND = new Event<>(13, "METHOD_UNWIND", Kind.GLOBAL, ExceptionCallback.class);
    /** An exception is thrown into a suspended unit; fired only through the injection API. */
    public static final Event<ExceptionCallback> METHOD_THROW = new Event<>(14, "METHOD_THROW", Kind.GLOBAL, ExceptionCallback.class);
    /** A handler rethrows the exception it caught (finally, try-with-resources). */
    public static final Event<ExceptionCallback> RERAISE = new Event<>(15, "RERAISE", Kind.GLOBAL, ExceptionCallback.class);
    /** A call into code that is not instrumented returned. Follows its call's {@link #CALL}, DISABLE included. */
    public static final Event<CallCallback> EXTERNAL_RETURN = new Event<>(16, "EXTERNAL_RETURN", Kind.ANCILLARY, CallCallback.class);
    /** A call into code that is not instrumented threw. Follows its call's {@link #CALL}, DISABLE included. */
    public static final Event<CallCallback> EXTERNAL_RAISE = new Event<>(17, "EXTERNAL_RAISE", Kind.ANCILLARY, CallCallback.class);

    private static final List<Event<?>> VALUES = List.of(
            METHOD_START, METHOD_RESUME, METHOD_RETURN, METHOD_YIELD, CALL, LINE, INSTRUCTION, JUMP,
            BRANCH_LEFT, BRANCH_RIGHT, STOP_ITERATION, RAISE, EXCEPTION_HANDLED, METHOD_UNWIND,
            METHOD_THROW, RERAISE, EXTERNAL_RETURN, EXTERNAL_RAISE);

    /** How many events there are; ordinals run from 0 to {@code COUNT - 1}. */
    public static final int COUNT = 18;

    private final int ordinal;
    private final String name;
    private final Kind kind;
    private final Class<C> callbackType;

    private Event(int ordinal, String name, Kind kind, Class<C> callbackType) {
        this.ordinal = ordinal;
        this.name = name;
        this.kind = kind;
        this.callbackType = callbackType;
    }

    /**
     * All events, in ordinal order.
     *
     * @return an immutable list of the {@link #COUNT} events
     */
    public static List<Event<?>> values() {
        return VALUES;
    }

    /**
     * The event with the given ordinal.
     *
     * @param ordinal between 0 and {@link #COUNT} - 1
     * @return the event
     * @throws IllegalArgumentException if there is no such event
     */
    public static Event<?> ofOrdinal(int ordinal) {
        if (ordinal < 0 || ordinal >= COUNT) {
            throw new IllegalArgumentException("invalid event ordinal " + ordinal + " (must be between 0 and " + (COUNT - 1) + ")");
        }
        return VALUES.get(ordinal);
    }

    /** @return the stable index of this event, also its bit in an {@link EventSet} */
    public int ordinal() {
        return ordinal;
    }

    /** @return the constant's name, such as {@code "LINE"} */
    public String name() {
        return name;
    }

    /** @return whether this event is local, global or ancillary */
    public Kind kind() {
        return kind;
    }

    /** @return the callback interface that receives this event */
    public Class<C> callbackType() {
        return callbackType;
    }

    /**
     * Casts a callback to this event's callback type, with a message naming the event when it does not fit.
     *
     * @param callback a callback, or null
     * @return the same object
     * @throws IllegalArgumentException if it does not implement {@link #callbackType()}
     */
    public C cast(Object callback) {
        if (callback != null && !callbackType.isInstance(callback)) {
            throw new IllegalArgumentException("a " + name + " callback must be a " + callbackType.getSimpleName()
                    + ", not " + callback.getClass().getName());
        }
        return callbackType.cast(callback);
    }

    static Event<?> requireNonNull(Event<?> event) {
        return Objects.requireNonNull(event, "event must not be null");
    }

    @Override
    public String toString() {
        return name;
    }
}

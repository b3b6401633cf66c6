package io.lowimpact.monitoring;

/**
 * The legacy tracing facade, after CPython's {@code sys.settrace} and {@code sys.setprofile} (spec.md §9): a
 * {@link Tracer} gets call, line, return and exception events; a {@link Profiler} gets call and return events.
 *
 * <pre>{@code
 * Tracing.setTrace(new Tracing.Tracer() {            // this thread only
 *     public void onCall(CodeUnit code, int offset) { System.out.println("call " + code.methodName()); }
 *     public void onLine(CodeUnit code, int line) { System.out.println("line " + line); }
 * });
 * ...
 * Tracing.setTrace(null);                            // off again
 * }</pre>
 *
 * <p>The facade is two tools on the same dispatcher as tools 0..5: tracing is tool 7 and profiling tool 6, as in
 * CPython. They see bytecode and injected events alike, and coexist with the other tools: their events never change
 * what another tool receives, and another tool's DISABLE or restart never changes what they receive. Events are per
 * JVM (S15); tracing one thread is a filter on top: while some thread traces, every thread fires the events, and a
 * thread that never called {@link #setTrace(Tracer)} pays one check per event. With no tracer (no profiler) left,
 * the facade's tool sets no events and costs nothing.
 *
 * <p>Which events arrive where (CPython's mapping):
 * <ul>
 *   <li>{@link Profiler#onCall}: {@code METHOD_START}, {@code METHOD_RESUME}, {@code METHOD_THROW};</li>
 *   <li>{@link Profiler#onReturn}: {@code METHOD_RETURN}, {@code METHOD_YIELD};</li>
 *   <li>{@link Profiler#onUnwind}: {@code METHOD_UNWIND} (by default a return of {@code null}, as CPython reports
 *       a return of {@code None});</li>
 *   <li>{@link Tracer#onLine}: {@code LINE}; {@link Tracer#onException}: {@code RAISE} and {@code STOP_ITERATION}.</li>
 * </ul>
 * Where CPython reports an {@code exception} event in each frame an exception passes through, the JVM raises only
 * where an exception is thrown: callers see it leave the callee ({@link Profiler#onUnwind}). A tracer's or
 * profiler's exception never reaches the traced code: it is logged once per event kind and counted, like any tool's
 * callback error (S22). There are no per-frame local trace functions: a tracer receives every event of its thread.
 */
public final class Tracing {

    /** The tool id of the profiling channel ({@link #setProfile}). */
    public static final int PROFILE_ID = 6;
    /** The tool id of the tracing channel ({@link #setTrace}). */
    public static final int TRACE_ID = 7;

    private Tracing() {
    }

    /**
     * Receives calls and returns ({@code sys.setprofile}'s {@code call} and {@code return}). Every method has a
     * no-op default. Methods run on the thread that fires the event; they should not throw: an exception goes to
     * the facade's error handler (logged once per event kind, then counted), never to the traced code.
     */
    public interface Profiler {

        /**
         * A unit is entered or resumed.
         *
         * @param code the unit
         * @param offset where it starts (0 for a bytecode method)
         */
        default void onCall(CodeUnit code, int offset) {
        }

        /**
         * A unit returns or yields.
         *
         * @param code the unit
         * @param offset where
         * @param value the value, {@link Monitoring#MISSING} for {@code void}
         */
        default void onReturn(CodeUnit code, int offset, Object value) {
        }

        /**
         * A unit exits by an exception. By default a return of {@code null}, as CPython's legacy events report it.
         *
         * @param code the unit
         * @param offset where
         * @param exception the exception
         */
        default void onUnwind(CodeUnit code, int offset, Throwable exception) {
            onReturn(code, offset, null);
        }
    }

    /**
     * Receives calls, lines, returns and exceptions ({@code sys.settrace}'s {@code call}, {@code line},
     * {@code return} and {@code exception}). A tracer is a profiler that also sees lines and raised exceptions.
     */
    public interface Tracer extends Profiler {

        /**
         * Control reaches a line.
         *
         * @param code the unit
         * @param line the line
         */
        default void onLine(CodeUnit code, int line) {
        }

        /**
         * An exception is raised in the unit (or an emulated iterator stops).
         *
         * @param code the unit
         * @param offset where
         * @param exception the exception
         */
        default void onException(CodeUnit code, int offset, Throwable exception) {
        }
    }

    /**
     * Sets the tracer of the current thread ({@code sys.settrace}); it takes precedence over the all-threads one.
     *
     * @param tracer the tracer, or null to stop tracing this thread
     */
    public static void setTrace(Tracer tracer) {
        Monitoring.runtime().tracing().trace().setForCurrentThread(tracer);
    }

    /**
     * Sets the tracer of every thread that has none of its own ({@code threading.settrace_all_threads}).
     *
     * @param tracer the tracer, or null for none
     */
    public static void setTraceAllThreads(Tracer tracer) {
        Monitoring.runtime().tracing().trace().setForAllThreads(tracer);
    }

    /** @return the current thread's own tracer, or null ({@code sys.gettrace}) */
    public static Tracer getTrace() {
        return Monitoring.runtime().tracing().trace().getForCurrentThread();
    }

    /**
     * Sets the profiler of the current thread ({@code sys.setprofile}); it takes precedence over the all-threads one.
     *
     * @param profiler the profiler, or null to stop profiling this thread
     */
    public static void setProfile(Profiler profiler) {
        Monitoring.runtime().tracing().profile().setForCurrentThread(profiler);
    }

    /**
     * Sets the profiler of every thread that has none of its own ({@code threading.setprofile_all_threads}).
     *
     * @param profiler the profiler, or null for none
     */
    public static void setProfileAllThreads(Profiler profiler) {
        Monitoring.runtime().tracing().profile().setForAllThreads(profiler);
    }

    /** @return the current thread's own profiler, or null ({@code sys.getprofile}) */
    public static Profiler getProfile() {
        return Monitoring.runtime().tracing().profile().getForCurrentThread();
    }
}

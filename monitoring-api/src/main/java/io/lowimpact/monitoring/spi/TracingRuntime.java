package io.lowimpact.monitoring.spi;

import io.lowimpact.monitoring.Tracing;

/**
 * The legacy tracing facade's side of the runtime, returned by {@link MonitoringRuntime#tracing()}: its two
 * channels, each with the same three operations.
 */
public interface TracingRuntime {

    /**
     * One channel of the facade: its listener per thread and for all threads.
     *
     * @param <L> {@link Tracing.Profiler} or {@link Tracing.Tracer}
     */
    interface Channel<L extends Tracing.Profiler> {

        /**
         * @see Tracing#setTrace(Tracing.Tracer)
         * @see Tracing#setProfile(Tracing.Profiler)
         * @param listener the current thread's listener, or null
         */
        void setForCurrentThread(L listener);

        /**
         * @see Tracing#setTraceAllThreads(Tracing.Tracer)
         * @see Tracing#setProfileAllThreads(Tracing.Profiler)
         * @param listener the listener of every thread that has none of its own, or null
         */
        void setForAllThreads(L listener);

        /**
         * @see Tracing#getTrace()
         * @see Tracing#getProfile()
         * @return the current thread's own listener, or null
         */
        L getForCurrentThread();
    }

    /** @return the tracing channel ({@link Tracing#TRACE_ID}) */
    Channel<Tracing.Tracer> trace();

    /** @return the profiling channel ({@link Tracing#PROFILE_ID}) */
    Channel<Tracing.Profiler> profile();
}

package io.lowimpact.monitoring.spi;

import io.lowimpact.monitoring.Tracing;

/**
 * The legacy tracing facade's side of the runtime, returned by {@link MonitoringRuntime#tracing()}. Each method
 * has the contract of the {@link Tracing} method of the same name.
 */
public interface TracingRuntime {

    /**
     * @see Tracing#setTrace(Tracing.Tracer)
     * @param tracer tracer or null
     */
    void setTrace(Tracing.Tracer tracer);

    /**
     * @see Tracing#setTraceAllThreads(Tracing.Tracer)
     * @param tracer tracer or null
     */
    void setTraceAllThreads(Tracing.Tracer tracer);

    /**
     * @see Tracing#getTrace()
     * @return tracer or null
     */
    Tracing.Tracer getTrace();

    /**
     * @see Tracing#setProfile(Tracing.Profiler)
     * @param profiler profiler or null
     */
    void setProfile(Tracing.Profiler profiler);

    /**
     * @see Tracing#setProfileAllThreads(Tracing.Profiler)
     * @param profiler profiler or null
     */
    void setProfileAllThreads(Tracing.Profiler profiler);

    /**
     * @see Tracing#getProfile()
     * @return profiler or null
     */
    Tracing.Profiler getProfile();
}

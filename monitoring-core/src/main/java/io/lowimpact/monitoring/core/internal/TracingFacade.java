package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Tracing;
import io.lowimpact.monitoring.spi.TracingRuntime;

/**
 * The legacy tracing facade: {@link Tracing}'s profiling channel on tool 6 and its tracing channel on tool 7, claimed
 * from {@link Control} like any tool (the public API keeps ids 6 and 7 for this class). See {@link TraceChannel}.
 */
final class TracingFacade implements TracingRuntime {

    /** The one facade of the runtime. */
    static final TracingFacade INSTANCE = new TracingFacade(Control.INSTANCE);

    private final TraceChannel<Tracing.Profiler> profile;
    private final TraceChannel<Tracing.Tracer> trace;

    private TracingFacade(Control control) {
        profile = TraceChannel.profiling(control, Tracing.PROFILE_ID);
        trace = TraceChannel.tracing(control, Tracing.TRACE_ID);
    }

    @Override
    public Channel<Tracing.Tracer> trace() {
        return trace;
    }

    @Override
    public Channel<Tracing.Profiler> profile() {
        return profile;
    }
}

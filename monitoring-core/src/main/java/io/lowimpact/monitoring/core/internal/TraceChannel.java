package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.ExceptionCallback;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.Tracing;
import io.lowimpact.monitoring.spi.TracingRuntime;

/**
 * One channel of the legacy facade: a tool (id 6 or 7) whose callbacks forward each event to the listener of the
 * thread that fires it, or to the all-threads listener. Events are per JVM (S15): while any thread or the
 * all-threads slot has a listener, the tool has its events set for every thread, and a thread without a listener
 * pays one check per event ({@link #target()}). With no listener left, the tool is freed and costs nothing.
 *
 * <p>Changes are serialised on the channel; delivery reads two volatile fields and, only while some thread has
 * a listener of its own, one {@link ThreadLocal}.
 *
 * @param <L> {@link Tracing.Profiler} or {@link Tracing.Tracer}
 */
final class TraceChannel<L extends Tracing.Profiler> implements TracingRuntime.Channel<L> {

    private static final EventSet PROFILE_EVENTS = EventSet.of(Event.METHOD_START, Event.METHOD_RESUME,
            Event.METHOD_THROW, Event.METHOD_RETURN, Event.METHOD_YIELD, Event.METHOD_UNWIND);
    private static final EventSet TRACE_EVENTS = PROFILE_EVENTS.union(
            EventSet.of(Event.LINE, Event.RAISE, Event.STOP_ITERATION));

    private final Control control;
    private final int id;
    private final String name;
    private final boolean lines;
    private final ThreadLocal<L> perThread = new ThreadLocal<>();
    private volatile L allThreads;
    /** Threads that set a listener of their own and have not cleared it. */
    private volatile int threads;
    /** The claim of the id while some listener is set; guarded by {@code this}. */
    private Tool tool;

    private TraceChannel(Control control, int id, String name, boolean lines) {
        this.control = control;
        this.id = id;
        this.name = name;
        this.lines = lines;
    }

    static TraceChannel<Tracing.Profiler> profiling(Control control, int id) {
        return new TraceChannel<>(control, id, "legacy profile", false);
    }

    static TraceChannel<Tracing.Tracer> tracing(Control control, int id) {
        return new TraceChannel<>(control, id, "legacy trace", true);
    }

    @Override
    public synchronized void setForCurrentThread(L listener) {
        L old = perThread.get();
        if (listener == null) {
            perThread.remove();
        } else {
            perThread.set(listener);
        }
        threads += (old == null ? 0 : -1) + (listener == null ? 0 : 1);
        update();
    }

    @Override
    public synchronized void setForAllThreads(L listener) {
        allThreads = listener;
        update();
    }

    @Override
    public L getForCurrentThread() {
        return perThread.get();
    }

    /** The listener of the current thread, or null: the check every event pays. */
    private L target() {
        if (threads != 0) {
            L own = perThread.get();
            if (own != null) {
                return own;
            }
        }
        return allThreads;
    }

    /** Claims the id when the first listener comes, frees it when the last goes; caller holds {@code this}. */
    private void update() {
        boolean wanted = threads != 0 || allThreads != null;
        if (wanted && tool == null) {
            tool = control.useToolId(id, name);
            register(tool);
            tool.setEvents(lines ? TRACE_EVENTS : PROFILE_EVENTS);
        } else if (!wanted && tool != null) {
            tool.close();
            tool = null;
        }
    }

    private void register(Tool t) {
        StartCallback call = (code, offset) -> {
            L l = target();
            if (l != null) {
                l.onCall(code, offset);
            }
            return Action.CONTINUE;
        };
        ReturnCallback ret = (code, offset, value) -> {
            L l = target();
            if (l != null) {
                l.onReturn(code, offset, value);
            }
            return Action.CONTINUE;
        };
        t.registerCallback(Event.METHOD_START, call);
        t.registerCallback(Event.METHOD_RESUME, call);
        t.registerCallback(Event.METHOD_THROW, (code, offset, exception) -> call.onStart(code, offset));
        t.registerCallback(Event.METHOD_RETURN, ret);
        t.registerCallback(Event.METHOD_YIELD, ret);
        t.registerCallback(Event.METHOD_UNWIND, (code, offset, exception) -> {
            L l = target();
            if (l != null) {
                l.onUnwind(code, offset, exception);
            }
            return Action.CONTINUE;
        });
        if (lines) {
            ExceptionCallback raised = (code, offset, exception) -> {
                L l = target();
                if (l != null) {
                    ((Tracing.Tracer) l).onException(code, offset, exception);
                }
                return Action.CONTINUE;
            };
            t.registerCallback(Event.LINE, (code, line) -> {
                L l = target();
                if (l != null) {
                    ((Tracing.Tracer) l).onLine(code, line);
                }
                return Action.CONTINUE;
            });
            t.registerCallback(Event.RAISE, raised);
            t.registerCallback(Event.STOP_ITERATION, raised);
        }
    }
}

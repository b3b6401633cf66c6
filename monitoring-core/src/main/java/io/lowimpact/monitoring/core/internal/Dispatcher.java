package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.ExceptionCallback;
import io.lowimpact.monitoring.InstructionCallback;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;

/**
 * Delivers one event at one site to the tools in its mask, in ascending tool id, without locks or allocation. A
 * tool that defers the event ({@link Deferral}) has the location disabled after its callback, whatever it returned.
 *
 * <p>Re-entrancy (S21): each thread keeps the mask of tools whose callback it is running; those tools do not
 * receive events fired on that thread until their callback returns. A callback's exception, or an illegal
 * DISABLE, goes to its tool's error handler (S19, S22).
 */
final class Dispatcher {

    /** Per-thread mask of tools whose callback is running on this thread. */
    static final class Running {
        final Thread thread;
        int mask;

        Running(Thread thread) {
            this.thread = thread;
        }
    }

    private static final ThreadLocal<Running> RUNNING =
            ThreadLocal.withInitial(() -> new Running(Thread.currentThread()));
    /**
     * The {@link Running} of the thread that fired last, tried before the {@code ThreadLocal}: most events come from
     * the thread that fired the one before. Written without a lock: a racing reader sees some thread's object, whose
     * final {@code thread} it checks, so it uses only its own.
     */
    private static Running last;
    /** The callback shape of each event, by ordinal. */
    private static final byte[] SHAPES = new byte[Event.COUNT];
    /**
     * Loaded with the dispatcher, not at the first {@code instanceof} that needs it: that may run while a class loads
     * (a tool's transformer that another tool measures), and loading a class of the runtime then is circular.
     */
    private static final Class<?> COUNTER = Counter.class;

    static {
        for (int e = 0; e < Event.COUNT; e++) {
            SHAPES[e] = (byte) Site.shapeOf(Event.ofOrdinal(e));
        }
    }

    private final ToolState[] tools;
    private final Control control;
    /**
     * Callbacks by event ordinal, then tool id, of the tools in use: replaced whole (never changed) under the
     * Control lock, before the masks that let a tool's events through are raised.
     */
    private volatile Object[][] callbacks = new Object[Event.COUNT][Control.SLOTS];

    Dispatcher(Control control, ToolState[] tools) {
        this.control = control;
        this.tools = tools;
    }

    Control control() {
        return control;
    }

    /** Publishes new callbacks of one event; caller holds the Control lock. */
    void setCallbacks(int eventOrdinal, Object[] byTool) {
        Object[][] table = callbacks.clone();
        table[eventOrdinal] = byTool;
        callbacks = table;
    }

    /**
     * Delivers {@code site}'s event with its dynamic argument (value, arg0, exception, or null) to the tools of
     * {@code mask}, the site's mask as the caller just read it.
     */
    void dispatch(Site site, int mask, Object arg) {
        deliver(site, mask, arg, 0, -1, 0);
    }

    /**
     * Delivers a bytecode slot's event from the slot's {@link SlotView}.
     *
     * @param noValue whether the probe passes no value: then MISSING for a void return or a call without arg0
     */
    void dispatchSlot(ProbeClass probeClass, int slot, int mask, Object value, boolean noValue) {
        SlotView view = probeClass.view(slot);
        int shape = view.shape;
        deliver(view, mask, noValue && (shape == Site.SHAPE_RETURN || shape == Site.SHAPE_CALL)
                ? Monitoring.MISSING : value, 0, -1, 0);
    }

    /**
     * Delivers a slot found hit by a flush ({@link Deferral}), whose event carries no value, to the tools of
     * {@code mask}, the slot's mask before the flush marked it disabled for the tools of {@code marked}: those
     * receive it although the slot's mask no longer holds them, and are not marked again.
     *
     * @param only whether only the tools of {@code mask} may receive it (a slot implied by another's hit: tools
     *        that want it at once have their own probe)
     */
    void dispatchFlushed(ProbeClass probeClass, int slot, int mask, int marked, boolean only) {
        deliver(probeClass.transientView(slot), mask, null, marked, only ? mask : -1, 0);
    }

    /**
     * Delivers what a flush counted at a slot ({@link Deferral}) to the tools of {@code mask} that count its event
     * now; no other tool receives it.
     */
    void dispatchCounted(ProbeClass probeClass, int slot, int mask, long count) {
        deliver(probeClass.transientView(slot), mask, null, 0, mask, count);
    }

    /**
     * Delivers one event at one location to the tools of {@code mask}, in ascending id. The location's mask is read
     * again after each tool, so a tool switched off by an earlier tool's callback is skipped, unless it is one of
     * {@code marked}, the tools a flush disabled the location for before delivering it (those are not marked again);
     * no tool outside {@code limit} receives it. A tool that counts the event gets a count instead, and its location
     * is never disabled: {@code count} if positive (then only counting tools receive it), else 1 for this one event.
     */
    private void deliver(Delivery at, int mask, Object arg, int marked, int limit, long count) {
        Running running = running();
        int outer = running.mask;
        int pending = mask & ~outer;
        while (pending != 0) {
            int id = Integer.numberOfTrailingZeros(pending);
            int bit = 1 << id;
            Object callback = callbacks[at.eventOrdinal][id];
            if (callback instanceof Counter) {
                running.mask = outer | bit;
                try {
                    ((Counter) callback).callback.onCount(at.unit, Event.ofOrdinal(at.eventOrdinal), at.offset,
                            at.shape == Site.SHAPE_JUMP ? at.to : -1, at.shape == Site.SHAPE_LINE ? at.line : -1,
                            count > 0 ? count : 1);
                } catch (Throwable error) {
                    tools[id].reportError(Event.ofOrdinal(at.eventOrdinal), at.unit, error);
                } finally {
                    running.mask = outer;
                }
            } else if (callback != null && count == 0) {
                running.mask = outer | bit;
                try {
                    if ((invoke(at.shape, callback, at.unit, at.offset, at.to, at.line, at.target, arg)
                            == Action.DISABLE || (tools[id].deferredMask & 1 << at.eventOrdinal) != 0)
                            && (marked & bit) == 0) {
                        at.disable(control, tools[id], callback);
                    }
                } catch (Throwable error) {
                    tools[id].reportError(Event.ofOrdinal(at.eventOrdinal), at.unit, error);
                } finally {
                    running.mask = outer;
                }
            }
            pending = (at.currentMask() & limit | marked) & ~outer & -(bit << 1);
        }
    }

    /** @return the tools whose callback is running on this thread */
    int runningMask() {
        return running().mask;
    }

    /** @return this thread's {@link Running} */
    private static Running running() {
        Running r = last;
        if (r != null && r.thread == Thread.currentThread()) {
            return r;
        }
        r = RUNNING.get();
        last = r;
        return r;
    }

    /** @return the callback shape of an event, by ordinal */
    static int shapeOf(int eventOrdinal) {
        return SHAPES[eventOrdinal];
    }

    /** @return whether a slot's event is an exception event (fired with the exception as its value) */
    static boolean isExceptionEvent(int eventOrdinal) {
        return SHAPES[eventOrdinal] == Site.SHAPE_EXCEPTION;
    }

    private static Action invoke(int shape, Object callback, Unit unit, int offset, int to, int line,
            CallTarget target, Object arg) {
        switch (shape) {
            case Site.SHAPE_START:
                return ((StartCallback) callback).onStart(unit, offset);
            case Site.SHAPE_LINE:
                return ((LineCallback) callback).onLine(unit, line);
            case Site.SHAPE_INSTRUCTION:
                return ((InstructionCallback) callback).onInstruction(unit, offset);
            case Site.SHAPE_JUMP:
                return ((JumpCallback) callback).onJump(unit, offset, to);
            case Site.SHAPE_RETURN:
                return ((ReturnCallback) callback).onReturn(unit, offset, arg);
            case Site.SHAPE_CALL:
                return ((CallCallback) callback).onCall(unit, offset, target, arg);
            default:
                return ((ExceptionCallback) callback).onException(unit, offset, (Throwable) arg);
        }
    }
}

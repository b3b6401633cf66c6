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
 * Delivers one event at one site to the tools in its mask, in ascending tool id, without locks or allocation.
 *
 * <p>Re-entrancy (S21): each thread keeps the mask of tools whose callback it is running; those tools do not
 * receive events fired on that thread until their callback returns. A callback's exception, or an illegal
 * DISABLE, goes to its tool's error handler (S19, S22).
 */
final class Dispatcher {

    /** Per-thread mask of tools whose callback is running on this thread. */
    static final class Running {
        int mask;
    }

    private static final ThreadLocal<Running> RUNNING = ThreadLocal.withInitial(Running::new);
    /** The callback shape of each event, by ordinal. */
    private static final byte[] SHAPES = new byte[Event.COUNT];

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
     * {@code mask}, the site's mask as the caller just read it. The mask is read again after each tool, so a tool
     * switched off by an earlier tool's callback is skipped.
     */
    void dispatch(Site site, int mask, Object arg) {
        deliver(site.shape, site.eventOrdinal, site.unit, site.offset, site.to, site.line, site.target, arg, mask,
                site, null, -1);
    }

    /**
     * Delivers a bytecode slot's event, as {@link #dispatch} does a site's: the slot's class holds everything static
     * about it ({@link ProbeClass#descriptor}), and its mask byte is what is read again after each tool.
     */
    void dispatchSlot(ProbeClass probeClass, int slot, int mask, Object arg) {
        long descriptor = probeClass.descriptor(slot);
        int eventOrdinal = ProbeClass.eventOrdinal(descriptor);
        int shape = SHAPES[eventOrdinal];
        Unit unit = probeClass.unitAt(ProbeClass.unitIndex(descriptor));
        int extra = ProbeClass.extra(descriptor); // the line, an edge's destination or the call's index
        CallTarget target = shape == Site.SHAPE_CALL ? unit.callTargetOfIndex(extra) : null;
        deliver(shape, eventOrdinal, unit, ProbeClass.offset(descriptor), extra, extra, target, arg, mask, null,
                probeClass, slot);
    }

    /**
     * The delivery loop of a site (with {@code probeClass} null) or of a bytecode slot (with {@code site} null): each
     * tool of {@code mask} in ascending id, none whose callback is running on this thread (S21).
     */
    private void deliver(int shape, int eventOrdinal, Unit unit, int offset, int to, int line, CallTarget target,
            Object arg, int mask, Site site, ProbeClass probeClass, int slot) {
        Running running = RUNNING.get();
        int outer = running.mask;
        int pending = mask & ~outer;
        while (pending != 0) {
            int id = Integer.numberOfTrailingZeros(pending);
            int bit = 1 << id;
            Object callback = callbacks[eventOrdinal][id];
            if (callback != null) {
                running.mask = outer | bit;
                try {
                    if (invoke(shape, callback, unit, offset, to, line, target, arg) == Action.DISABLE) {
                        if (site != null) {
                            control.disable(site, tools[id], callback);
                        } else {
                            control.disable(probeClass, slot, tools[id], callback);
                        }
                    }
                } catch (Throwable error) {
                    tools[id].reportError(Event.ofOrdinal(eventOrdinal), unit, error);
                } finally {
                    running.mask = outer;
                }
            }
            int now = site != null ? site.mask : probeClass.maskOf(slot);
            pending = now & ~outer & -(bit << 1);
        }
    }

    /** What a slot's probe that passes no value delivers: MISSING for a void return or a call without arg0. */
    static Object noValue(int eventOrdinal) {
        int kind = Site.fireKindOf(SHAPES[eventOrdinal]);
        return kind == Site.FIRE_RETURN || kind == Site.FIRE_CALL ? Monitoring.MISSING : null;
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

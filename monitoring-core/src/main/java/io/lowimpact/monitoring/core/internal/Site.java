package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.InstructionCallback;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * One probe site: a unit, an event and an offset (or edge), with the mask of the tools that receive it.
 *
 * <p>{@link #mask} is written only under the {@link Control} lock and read without one: the fast path of
 * every {@code fire} method is one volatile read. Sites are those of the injection API (bytecode probes are slots of
 * a {@link ProbeClass}, delivered without a site object). A site may give a call site ({@link #callSite}), made on
 * first request, whose target is a no-op while the mask is empty and the bound {@code fire} method otherwise; it is
 * flipped under the lock whenever the mask changes between empty and non-empty.
 */
public final class Site extends Delivery implements Probe {

    /** How a site's event is fired; also selects the callback signature. */
    static final int FIRE = 0;
    static final int FIRE_RETURN = 1;
    static final int FIRE_CALL = 2;
    static final int FIRE_EXCEPTION = 3;

    /** Which callback signature the site's event has. */
    static final int SHAPE_START = 0;
    static final int SHAPE_LINE = 1;
    static final int SHAPE_INSTRUCTION = 2;
    static final int SHAPE_JUMP = 3;
    static final int SHAPE_RETURN = 4;
    static final int SHAPE_CALL = 5;
    static final int SHAPE_EXCEPTION = 6;

    private static final MethodType[] TYPES = {
        MethodType.methodType(void.class),
        MethodType.methodType(void.class, Object.class),
        MethodType.methodType(void.class, Object.class),
        MethodType.methodType(void.class, Throwable.class),
    };
    private static final MethodHandle[] FIRE_HANDLES = new MethodHandle[4];

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            FIRE_HANDLES[FIRE] = lookup.findVirtual(Site.class, "fire", TYPES[FIRE]);
            FIRE_HANDLES[FIRE_RETURN] = lookup.findVirtual(Site.class, "fireReturn", TYPES[FIRE_RETURN]);
            FIRE_HANDLES[FIRE_CALL] = lookup.findVirtual(Site.class, "fireCall", TYPES[FIRE_CALL]);
            FIRE_HANDLES[FIRE_EXCEPTION] = lookup.findVirtual(Site.class, "fireException", TYPES[FIRE_EXCEPTION]);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // A program has a site for every injection-API probe location: keep this object small.
    final Event<?> event;
    /** The bit of the event that switches this site on: CALL for the ancillary events, else the event's own. */
    final int controlBit;
    final byte fireKind;
    private final Dispatcher dispatcher;

    /** Tools that receive this event here now. Written under the Control lock. */
    volatile int mask;
    /** Tools that disabled this site. Guarded by the Control lock. */
    int disabled;
    /** The injection API's call site, made on first request; guarded by the Control lock. */
    private Linked linked;

    /** A call site and its two targets, made once; flips only swap them. */
    private record Linked(MutableCallSite callSite, MethodHandle active, MethodHandle idle) {
    }

    Site(Dispatcher dispatcher, Unit unit, Event<?> event, int offset, int to, int line, CallTarget target) {
        super(unit, event.ordinal(), shapeOf(event), offset, to, line, target);
        this.dispatcher = dispatcher;
        this.event = event;
        this.controlBit = Events.controlBit(event);
        this.fireKind = (byte) fireKindOf(shape);
    }

    @Override
    int currentMask() {
        return mask;
    }

    @Override
    void disable(Control control, ToolState tool, Object callback) {
        control.restarts().disable(this, tool, callback);
    }

    /** @return how an event of a callback shape is fired */
    static int fireKindOf(int shape) {
        return shape == SHAPE_RETURN ? FIRE_RETURN
                : shape == SHAPE_CALL ? FIRE_CALL
                : shape == SHAPE_EXCEPTION ? FIRE_EXCEPTION
                : FIRE;
    }

    /** @return the callback signature of an event: one of the {@code SHAPE_} constants */
    static int shapeOf(Event<?> event) {
        Class<?> type = event.callbackType();
        if (type == StartCallback.class) {
            return SHAPE_START;
        } else if (type == LineCallback.class) {
            return SHAPE_LINE;
        } else if (type == InstructionCallback.class) {
            return SHAPE_INSTRUCTION;
        } else if (type == JumpCallback.class) {
            return SHAPE_JUMP;
        } else if (type == ReturnCallback.class) {
            return SHAPE_RETURN;
        } else if (type == CallCallback.class) {
            return SHAPE_CALL;
        }
        return SHAPE_EXCEPTION;
    }

    @Override
    public CodeUnit code() {
        return unit;
    }

    @Override
    public Event<?> event() {
        return event;
    }

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public int to() {
        return to;
    }

    @Override
    public CallTarget target() {
        return target;
    }

    @Override
    public boolean isActive() {
        return mask != 0;
    }

    @Override
    public void fire() {
        if (fireKind != FIRE) {
            throw wrongFire("fire()");
        }
        int m = mask;
        if (m != 0) {
            dispatcher.dispatch(this, m, null);
        }
    }

    @Override
    public void fireReturn(Object value) {
        if (fireKind != FIRE_RETURN) {
            throw wrongFire("fireReturn(value)");
        }
        int m = mask;
        if (m != 0) {
            dispatcher.dispatch(this, m, value);
        }
    }

    @Override
    public void fireCall(Object arg0) {
        if (fireKind != FIRE_CALL) {
            throw wrongFire("fireCall(arg0)");
        }
        int m = mask;
        if (m != 0) {
            dispatcher.dispatch(this, m, arg0);
        }
    }

    @Override
    public void fireException(Throwable exception) {
        if (fireKind != FIRE_EXCEPTION) {
            throw wrongFire("fireException(exception)");
        }
        if (exception == null) {
            throw new IllegalArgumentException("exception must not be null");
        }
        int m = mask;
        if (m != 0) {
            dispatcher.dispatch(this, m, exception);
        }
    }

    private IllegalArgumentException wrongFire(String used) {
        String right = new String[] {"fire()", "fireReturn(value)", "fireCall(arg0)", "fireException(exception)"}[fireKind];
        return new IllegalArgumentException(event.name() + " probes fire with " + right + ", not " + used);
    }

    @Override
    public CallSite callSite() {
        return dispatcher.control().callSiteOf(this);
    }

    /** Returns the call site of the injection API, made on first request; caller holds the Control lock. */
    MutableCallSite callSiteLocked() {
        if (linked == null) {
            MethodType type = TYPES[fireKind];
            linked = new Linked(new MutableCallSite(type), FIRE_HANDLES[fireKind].bindTo(this), MethodHandles.empty(type));
            linked.callSite().setTarget(mask != 0 ? linked.active() : linked.idle());
        }
        return linked.callSite();
    }

    /**
     * Sets the mask; caller holds the lock. Flips the call site on or off, and keeps the unit's count of active
     * sites ({@link Unit#hasActiveProbes()}).
     */
    void setMaskLocked(int newMask) {
        int old = mask;
        if (old == newMask) {
            return;
        }
        mask = newMask;
        if ((old == 0) != (newMask == 0)) {
            unit.activeSitesChanged(newMask != 0 ? 1 : -1);
            if (linked != null) {
                linked.callSite().setTarget(newMask != 0 ? linked.active() : linked.idle());
            }
        }
    }

    @Override
    public String toString() {
        return event.name() + "@" + unit + ":" + offset + (to >= 0 ? "->" + to : "");
    }
}

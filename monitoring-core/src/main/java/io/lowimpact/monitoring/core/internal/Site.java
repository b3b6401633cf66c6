package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.InstructionCallback;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;

/**
 * One probe site: a unit, an event and an offset (or edge), with the mask of the tools that receive it.
 *
 * <p>{@link #mask} is written only under the {@link Control} lock and read without one: the fast path of
 * every {@code fire} method is one volatile read. The call site, made on first request, has a no-op target
 * while the mask is empty and a handle to the matching {@code fire} method otherwise; it is flipped under
 * the lock whenever the mask changes between empty and non-empty.
 */
public final class Site implements Probe {

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
    private static final MethodHandle FIRE_THROWN;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            FIRE_HANDLES[FIRE] = lookup.findVirtual(Site.class, "fire", TYPES[FIRE]);
            FIRE_HANDLES[FIRE_RETURN] = lookup.findVirtual(Site.class, "fireReturn", TYPES[FIRE_RETURN]);
            FIRE_HANDLES[FIRE_CALL] = lookup.findVirtual(Site.class, "fireCall", TYPES[FIRE_CALL]);
            FIRE_HANDLES[FIRE_EXCEPTION] = lookup.findVirtual(Site.class, "fireException", TYPES[FIRE_EXCEPTION]);
            FIRE_THROWN = lookup.findVirtual(Site.class, "fireThrown", TYPES[FIRE_EXCEPTION]);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Unit unit;
    final Event<?> event;
    final int eventOrdinal;
    /** The bit of the event that switches this site on: CALL for the ancillary events, else the event's own. */
    final int controlBit;
    final int offset;
    final int to;
    /** The line reported to LINE callbacks. */
    final int line;
    final CallTarget target;
    final int fireKind;
    final int shape;
    private final Dispatcher dispatcher;

    /** Whether an EXTERNAL_* site of a virtual call fires only when the receiver's method is not instrumented. */
    volatile boolean resolveReceiver;
    /** Tools that receive this event here now. Written under the Control lock. */
    volatile int mask;
    /** Tools that disabled this site. Guarded by the Control lock. */
    int disabled;
    /** Made on first request; guarded by the Control lock. */
    private MutableCallSite callSite;
    private boolean bytecodeCallSite;
    private MethodHandle activeTarget;
    private MethodHandle idleTarget;
    /** Callbacks of this site's event by tool id; replaced (never changed) under the lock by Control. */
    volatile Object[] callbacks = new Object[8];
    /** Branch and switch call sites that fire this edge; guarded by the Control lock. */
    private List<EdgeGroup> dependents;

    Site(Dispatcher dispatcher, Unit unit, Event<?> event, int offset, int to, int line, CallTarget target) {
        this.dispatcher = dispatcher;
        this.unit = unit;
        this.event = event;
        this.eventOrdinal = event.ordinal();
        this.controlBit = 1 << (event.kind() == Event.Kind.ANCILLARY ? Event.CALL.ordinal() : event.ordinal());
        this.offset = offset;
        this.to = to;
        this.line = line;
        this.target = target;
        this.shape = shapeOf(event);
        this.fireKind = shape == SHAPE_RETURN ? FIRE_RETURN
                : shape == SHAPE_CALL ? FIRE_CALL
                : shape == SHAPE_EXCEPTION ? FIRE_EXCEPTION
                : FIRE;
    }

    private static int shapeOf(Event<?> event) {
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
        if (m != 0 && (!resolveReceiver || Externals.isExternal(arg0, target))) {
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

    /**
     * Returns the call site, making it with {@code type} if needed; caller holds the Control lock. Bytecode
     * probes pass their own type (for example {@code (int)void} for an int return), adapted to the fire method
     * with {@link MethodHandle#asType}; the injection API passes the canonical type of the site's event.
     */
    MutableCallSite callSiteLocked(MethodType type, boolean bytecode) {
        if (callSite == null) {
            callSite = new MutableCallSite(type);
            bytecodeCallSite = bytecode;
            makeTargets(type);
            callSite.setTarget(targetFor(mask != 0));
        } else if (!callSite.type().equals(type)) {
            throw new IllegalArgumentException("the call site of " + this + " has type " + callSite.type()
                    + ", not " + type);
        }
        return callSite;
    }

    MethodType canonicalType() {
        return TYPES[fireKind];
    }

    /** Registers a group of edges whose call site depends on this site's mask; caller holds the lock. */
    void addDependent(EdgeGroup group) {
        if (dependents == null) {
            dependents = new ArrayList<>(1);
        }
        dependents.add(group);
    }

    /** Sets the mask; caller holds the lock. Flips the call sites when the site turns on or off. */
    void setMaskLocked(int newMask) {
        int old = mask;
        if (old == newMask) {
            return;
        }
        mask = newMask;
        if ((old == 0) != (newMask == 0)) {
            if (callSite != null) {
                callSite.setTarget(targetFor(newMask != 0));
            }
            if (dependents != null) {
                for (EdgeGroup group : dependents) {
                    group.updateTargetLocked();
                }
            }
        }
    }

    private MethodHandle targetFor(boolean active) {
        return active ? activeTarget : idleTarget;
    }

    /** Makes the two targets of a new call site once; flips then only swap them. */
    private void makeTargets(MethodType type) {
        idleTarget = MethodHandles.empty(type);
        MethodHandle fire = (bytecodeCallSite && fireKind == FIRE_EXCEPTION ? FIRE_THROWN : FIRE_HANDLES[fireKind]).bindTo(this);
        if (type.parameterCount() == 0 && fire.type().parameterCount() == 1) {
            fire = MethodHandles.insertArguments(fire, 0, Monitoring.MISSING); // a void return, a call without arg0
        }
        activeTarget = fire.asType(type);
    }

    /**
     * Fires an exception event from bytecode, where {@code athrow} of null is legal: the JVM then throws a
     * NullPointerException, which the handler and unwind probes see; nothing fires here.
     */
    void fireThrown(Throwable exception) {
        int m = mask;
        if (exception != null && m != 0) {
            dispatcher.dispatch(this, m, exception);
        }
    }

    @Override
    public String toString() {
        return event.name() + "@" + unit + ":" + offset + (to >= 0 ? "->" + to : "");
    }
}

package io.lowimpact.monitoring.core.internal;

import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What instrumented bytecode calls: the one class of the runtime that probes name. Every class loader must see
 * it (the agent puts the runtime on the boot class path).
 *
 * <p>An instrumented method fetches its class's mask array once per invocation ({@link #masks(int)}, or for class
 * files of version 55 and later an {@code ldc} of a dynamic constant bootstrapped by {@link #masks(MethodHandles.Lookup,
 * String, Class, int)}), and every probe tests its slot's byte before calling a {@code fire} method, so a probe that
 * no tool wants never gets here. The {@code fire} methods take the probe's dynamic value first (return value,
 * exception, a call's {@code arg0}), then the class id and the slot; everything static lives in the slot's class.
 * They never throw into the monitored code: a callback's failure goes to its tool (S22), and anything else that
 * goes wrong here (a {@code StackOverflowError} in the runtime, say) is counted in {@link #internalErrors()} and
 * swallowed, so that the application's own code meets it as it would have without the probe.
 */
public final class Bootstrap {

    private static final Control CONTROL = Control.INSTANCE;
    private static final Dispatcher DISPATCHER = CONTROL.dispatcher();
    private static final byte[] NONE = new byte[0];
    private static final int[] NO_COUNTS = new int[0];
    private static final AtomicLong INTERNAL_ERRORS = new AtomicLong();

    private Bootstrap() {
    }

    /**
     * The bootstrap method of the {@code CONSTANT_Dynamic} that instrumented classes of version 55 and later load
     * their mask array with.
     *
     * @param lookup the class's lookup (unused)
     * @param name any name
     * @param type {@code byte[].class}
     * @param classId the class's probe class
     * @return the current mask array of that class
     */
    public static byte[] masks(MethodHandles.Lookup lookup, String name, Class<?> type, int classId) {
        return masks(classId);
    }

    /**
     * The bootstrap method of the {@code CONSTANT_Dynamic} that store probes of instrumented classes of version 55
     * and later write their hits into (deferred events).
     *
     * @param lookup the class's lookup (unused)
     * @param name any name
     * @param type {@code byte[].class}
     * @param classId the class's probe class
     * @return the current hit array of that class (an empty one for an unknown id, which no instrumenter writes)
     */
    public static byte[] hits(MethodHandles.Lookup lookup, String name, Class<?> type, int classId) {
        ProbeClass probeClass = CONTROL.probeClass(classId);
        return probeClass == null ? NONE : probeClass.hits();
    }

    /**
     * The bootstrap method of the {@code CONSTANT_Dynamic} that increment probes of instrumented classes of version
     * 55 and later count into (counted events).
     *
     * @param lookup the class's lookup (unused)
     * @param name any name
     * @param type {@code int[].class}
     * @param classId the class's probe class
     * @return the class's newest count array (an empty one for an unknown id, which no instrumenter writes)
     */
    public static int[] counts(MethodHandles.Lookup lookup, String name, Class<?> type, int classId) {
        ProbeClass probeClass = CONTROL.probeClass(classId);
        return probeClass == null ? NO_COUNTS : probeClass.counts.current(probeClass.masks().length);
    }

    /**
     * The mask array of an instrumented class, as its probes read it: one byte per slot, non-zero while some tool
     * receives the slot's event.
     *
     * @param classId the class's probe class
     * @return its current mask array (an empty one for an unknown id, which no instrumenter writes)
     */
    public static byte[] masks(int classId) {
        ProbeClass probeClass = CONTROL.probeClass(classId);
        return probeClass == null ? NONE : probeClass.masks();
    }

    /** @return how many errors of the runtime itself the probes swallowed */
    public static long internalErrors() {
        return INTERNAL_ERRORS.get();
    }

    /**
     * Fires a probe that passes no value.
     *
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(int classId, int slot) {
        try {
            ProbeClass probeClass = CONTROL.probeClass(classId);
            int mask = probeClass.maskOf(slot);
            if (mask != 0) {
                DISPATCHER.dispatchSlot(probeClass, slot, mask, null, true);
            }
        } catch (Throwable e) {
            INTERNAL_ERRORS.incrementAndGet();
        }
    }

    /**
     * Fires a probe with a reference value: a return value, a call's {@code arg0}, or an exception. An exception
     * event with a null exception ({@code athrow} of null, which throws a {@code NullPointerException} instead) fires
     * nothing.
     *
     * @param value the value
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(Object value, int classId, int slot) {
        try {
            ProbeClass probeClass = CONTROL.probeClass(classId);
            int mask = probeClass.maskOf(slot);
            if (mask != 0 && (value != null
                    || !Dispatcher.isExceptionEvent(ProbeClass.eventOrdinal(probeClass.descriptor(slot))))) {
                DISPATCHER.dispatchSlot(probeClass, slot, mask, value, false);
            }
        } catch (Throwable e) {
            INTERNAL_ERRORS.incrementAndGet();
        }
    }

    /**
     * Fires EXTERNAL_RETURN or EXTERNAL_RAISE of a virtual or interface call: only when the receiver's class
     * resolves the call to code that is not instrumented ({@link Externals}).
     *
     * @param receiver the call's receiver
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fireExternal(Object receiver, int classId, int slot) {
        try {
            ProbeClass probeClass = CONTROL.probeClass(classId);
            int mask = probeClass.maskOf(slot);
            if (mask != 0) {
                if (Externals.isExternal(receiver, probeClass.view(slot))) {
                    DISPATCHER.dispatchSlot(probeClass, slot, mask, receiver, false);
                }
            }
        } catch (Throwable e) {
            INTERNAL_ERRORS.incrementAndGet();
        }
    }

    /**
     * Fires a probe with an {@code int}-like value (boxed only when delivered); the value is boxed only when some tool receives it.
     *
     * @param value the value
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(int value, int classId, int slot) {
        ProbeClass probeClass = active(classId, slot);
        if (probeClass != null) {
            deliver(probeClass, slot, value);
        }
    }

    /**
     * Fires a probe with a {@code boolean} value; the value is boxed only when some tool receives it.
     *
     * @param value the value
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(boolean value, int classId, int slot) {
        ProbeClass probeClass = active(classId, slot);
        if (probeClass != null) {
            deliver(probeClass, slot, value);
        }
    }

    /**
     * Fires a probe with a {@code byte} value; the value is boxed only when some tool receives it.
     *
     * @param value the value
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(byte value, int classId, int slot) {
        ProbeClass probeClass = active(classId, slot);
        if (probeClass != null) {
            deliver(probeClass, slot, value);
        }
    }

    /**
     * Fires a probe with a {@code char} value; the value is boxed only when some tool receives it.
     *
     * @param value the value
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(char value, int classId, int slot) {
        ProbeClass probeClass = active(classId, slot);
        if (probeClass != null) {
            deliver(probeClass, slot, value);
        }
    }

    /**
     * Fires a probe with a {@code short} value; the value is boxed only when some tool receives it.
     *
     * @param value the value
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(short value, int classId, int slot) {
        ProbeClass probeClass = active(classId, slot);
        if (probeClass != null) {
            deliver(probeClass, slot, value);
        }
    }

    /**
     * Fires a probe with a {@code long} value; the value is boxed only when some tool receives it.
     *
     * @param value the value
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(long value, int classId, int slot) {
        ProbeClass probeClass = active(classId, slot);
        if (probeClass != null) {
            deliver(probeClass, slot, value);
        }
    }

    /**
     * Fires a probe with a {@code float} value; the value is boxed only when some tool receives it.
     *
     * @param value the value
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(float value, int classId, int slot) {
        ProbeClass probeClass = active(classId, slot);
        if (probeClass != null) {
            deliver(probeClass, slot, value);
        }
    }

    /**
     * Fires a probe with a {@code double} value; the value is boxed only when some tool receives it.
     *
     * @param value the value
     * @param classId the class
     * @param slot the probe's slot
     */
    public static void fire(double value, int classId, int slot) {
        ProbeClass probeClass = active(classId, slot);
        if (probeClass != null) {
            deliver(probeClass, slot, value);
        }
    }

    /** The slot's class if some tool receives its event now, else null: a primitive is boxed only then. */
    private static ProbeClass active(int classId, int slot) {
        try {
            ProbeClass probeClass = CONTROL.probeClass(classId);
            return probeClass.maskOf(slot) != 0 ? probeClass : null;
        } catch (Throwable e) {
            INTERNAL_ERRORS.incrementAndGet();
            return null;
        }
    }

    /** Delivers a boxed primitive at a slot found active. */
    private static void deliver(ProbeClass probeClass, int slot, Object value) {
        try {
            int mask = probeClass.maskOf(slot);
            if (mask != 0) {
                DISPATCHER.dispatchSlot(probeClass, slot, mask, value, false);
            }
        } catch (Throwable e) {
            INTERNAL_ERRORS.incrementAndGet();
        }
    }
}

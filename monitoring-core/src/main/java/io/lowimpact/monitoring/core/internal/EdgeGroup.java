package io.lowimpact.monitoring.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.Arrays;

/**
 * The call site of one conditional branch or switch instruction: bytecode passes the instruction's operands
 * (duplicated on the stack), and the group decides which edge is taken and fires that edge's {@link Site}.
 * Each edge stays a site of its own, so that each can be DISABLEd on its own; the call site is a no-op
 * while no edge is active.
 */
final class EdgeGroup {

    // JVM opcodes of the conditional instructions this group evaluates.
    static final int IFEQ = 153;
    static final int IFNE = 154;
    static final int IFLT = 155;
    static final int IFGE = 156;
    static final int IFGT = 157;
    static final int IFLE = 158;
    static final int IF_ICMPEQ = 159;
    static final int IF_ICMPNE = 160;
    static final int IF_ICMPLT = 161;
    static final int IF_ICMPGE = 162;
    static final int IF_ICMPGT = 163;
    static final int IF_ICMPLE = 164;
    static final int IF_ACMPEQ = 165;
    static final int IF_ACMPNE = 166;
    static final int TABLESWITCH = 170;
    static final int LOOKUPSWITCH = 171;
    static final int IFNULL = 198;
    static final int IFNONNULL = 199;

    private static final MethodHandle ON_INT;
    private static final MethodHandle ON_INTS;
    private static final MethodHandle ON_REF;
    private static final MethodHandle ON_REFS;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            ON_INT = lookup.findVirtual(EdgeGroup.class, "onInt", MethodType.methodType(void.class, int.class));
            ON_INTS = lookup.findVirtual(EdgeGroup.class, "onInts", MethodType.methodType(void.class, int.class, int.class));
            ON_REF = lookup.findVirtual(EdgeGroup.class, "onRef", MethodType.methodType(void.class, Object.class));
            ON_REFS = lookup.findVirtual(EdgeGroup.class, "onRefs", MethodType.methodType(void.class, Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int opcode;
    private final Site left;
    /** For an if: one site. For a switch: the site of each key in {@link #keys}. */
    private final Site[] rights;
    private final int[] keys;
    private final MutableCallSite callSite;
    private final MethodHandle activeTarget;
    private final MethodHandle idleTarget;
    private boolean active;

    /** Made under the Control lock. {@code keys} sorted, for switches only. */
    EdgeGroup(int opcode, Site left, Site[] rights, int[] keys, MethodType type) {
        this.opcode = opcode;
        this.left = left;
        this.rights = rights.clone();
        this.keys = keys == null ? null : keys.clone();
        MethodType expected = expectedType(opcode);
        if (!type.equals(expected)) {
            throw new IllegalArgumentException("a branch probe for opcode " + opcode + " must have type " + expected
                    + ", not " + type);
        }
        this.callSite = new MutableCallSite(type);
        this.idleTarget = MethodHandles.empty(type);
        this.activeTarget = handleFor(opcode).bindTo(this);
        callSite.setTarget(idleTarget);
        left.addDependent(this);
        for (Site right : this.rights) {
            right.addDependent(this);
        }
        updateTargetLocked();
    }

    static MethodType expectedType(int opcode) {
        if (opcode >= IFEQ && opcode <= IFLE || opcode == TABLESWITCH || opcode == LOOKUPSWITCH) {
            return MethodType.methodType(void.class, int.class);
        } else if (opcode >= IF_ICMPEQ && opcode <= IF_ICMPLE) {
            return MethodType.methodType(void.class, int.class, int.class);
        } else if (opcode == IF_ACMPEQ || opcode == IF_ACMPNE) {
            return MethodType.methodType(void.class, Object.class, Object.class);
        } else if (opcode == IFNULL || opcode == IFNONNULL) {
            return MethodType.methodType(void.class, Object.class);
        }
        throw new IllegalArgumentException("opcode " + opcode + " is not a conditional branch or switch");
    }

    MutableCallSite callSite() {
        return callSite;
    }

    /** Points the call site at the evaluator while any edge is active, at a no-op otherwise; caller holds the lock. */
    void updateTargetLocked() {
        boolean any = left.mask != 0;
        for (Site right : rights) {
            any |= right.mask != 0;
        }
        if (any == active) {
            return;
        }
        active = any;
        callSite.setTarget(any ? activeTarget : idleTarget);
    }

    private static MethodHandle handleFor(int opcode) {
        MethodType type = expectedType(opcode);
        if (type.parameterCount() == 2) {
            return type.parameterType(0) == int.class ? ON_INTS : ON_REFS;
        }
        return type.parameterType(0) == int.class ? ON_INT : ON_REF;
    }

    void onInt(int value) {
        if (keys != null) {
            int i = Arrays.binarySearch(keys, value);
            (i >= 0 ? rights[i] : left).fire();
            return;
        }
        boolean taken;
        switch (opcode) {
            case IFEQ: taken = value == 0; break;
            case IFNE: taken = value != 0; break;
            case IFLT: taken = value < 0; break;
            case IFGE: taken = value >= 0; break;
            case IFGT: taken = value > 0; break;
            default: taken = value <= 0; break;
        }
        (taken ? rights[0] : left).fire();
    }

    void onInts(int a, int b) {
        boolean taken;
        switch (opcode) {
            case IF_ICMPEQ: taken = a == b; break;
            case IF_ICMPNE: taken = a != b; break;
            case IF_ICMPLT: taken = a < b; break;
            case IF_ICMPGE: taken = a >= b; break;
            case IF_ICMPGT: taken = a > b; break;
            default: taken = a <= b; break;
        }
        (taken ? rights[0] : left).fire();
    }

    void onRef(Object value) {
        boolean taken = opcode == IFNULL ? value == null : value != null;
        (taken ? rights[0] : left).fire();
    }

    void onRefs(Object a, Object b) {
        boolean taken = opcode == IF_ACMPEQ ? a == b : a != b;
        (taken ? rights[0] : left).fire();
    }
}

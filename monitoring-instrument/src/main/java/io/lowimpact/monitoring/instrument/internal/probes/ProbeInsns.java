package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Makes the instructions of probes: {@code invokedynamic} linked by the core's {@code Bootstrap}. */
final class ProbeInsns {

    static final String BOOTSTRAP = "io/lowimpact/monitoring/core/internal/Bootstrap";

    private static final Handle PROBE = new Handle(Opcodes.H_INVOKESTATIC, BOOTSTRAP, "probe",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;IIII)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final Handle DISPATCHED = new Handle(Opcodes.H_INVOKESTATIC, BOOTSTRAP, "dispatchedCall",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;III)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final Handle BRANCH = new Handle(Opcodes.H_INVOKESTATIC, BOOTSTRAP, "branch",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;III[I)"
                    + "Ljava/lang/invoke/CallSite;", false);

    private ProbeInsns() {
    }

    /** A probe of {@code event} at {@code offset} (or jump edge) taking {@code descriptor}'s arguments. */
    static InvokeDynamicInsnNode probe(int unitId, Event<?> event, int offset, int to, String descriptor) {
        return new InvokeDynamicInsnNode(event.name(), descriptor, PROBE, unitId, event.ordinal(), offset, to);
    }

    /**
     * An EXTERNAL_RETURN or EXTERNAL_RAISE probe; with {@code resolveReceiver}, the site fires only when the
     * receiver's class resolves the call to code that is not instrumented.
     */
    static InvokeDynamicInsnNode external(int unitId, Event<?> event, int offset, String descriptor,
            boolean resolveReceiver) {
        return resolveReceiver
                ? new InvokeDynamicInsnNode(event.name(), descriptor, DISPATCHED, unitId, event.ordinal(), offset)
                : probe(unitId, event, offset, -1, descriptor);
    }

    /** A branch probe that takes the branch instruction's operands (duplicated). */
    static InvokeDynamicInsnNode branch(int unitId, int from, int opcode, String descriptor, int[] keysAndTargets) {
        Object[] args = new Object[3 + keysAndTargets.length];
        args[0] = unitId;
        args[1] = from;
        args[2] = opcode;
        for (int i = 0; i < keysAndTargets.length; i++) {
            args[3 + i] = keysAndTargets[i];
        }
        return new InvokeDynamicInsnNode("BRANCH", descriptor, BRANCH, args);
    }

    /** The descriptor {@code (T)V} for one value of {@code type}, with references widened to Object. */
    static String takes(Type type) {
        return "(" + erase(type).getDescriptor() + ")V";
    }

    /** References become Object; primitives stay exact, so that the site boxes them to Integer, Boolean... */
    static Type erase(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY ? Type.getType(Object.class) : type;
    }

    static InsnNode dup(Type type) {
        return new InsnNode(type.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
    }

    static VarInsnNode store(Type type, int local) {
        return new VarInsnNode(type.getOpcode(Opcodes.ISTORE), local);
    }

    static VarInsnNode load(Type type, int local) {
        return new VarInsnNode(type.getOpcode(Opcodes.ILOAD), local);
    }

    /** The frame type of a local of {@code type}, as ASM's expanded frames spell it. */
    static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return "java/lang/Object";
        }
    }
}

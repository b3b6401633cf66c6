package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Small instruction makers of the probes: pushes, loads and stores, and the calls into the core's {@code Bootstrap}. */
final class ProbeInsns {

    static final String BOOTSTRAP = "io/lowimpact/monitoring/core/internal/Bootstrap";
    static final Type OBJECT = Type.getType(Object.class);
    static final Type THROWABLE = Type.getType(Throwable.class);

    /** The calls of {@code Bootstrap.fire}, by the sort of the value's erased type; a fire without value last. */
    private static final Fire[] FIRES = new Fire[Type.METHOD + 1];
    private static final Fire FIRE_EXTERNAL = new Fire("fireExternal", "(Ljava/lang/Object;II)V");

    static {
        for (Type type : new Type[] {Type.BOOLEAN_TYPE, Type.CHAR_TYPE, Type.BYTE_TYPE, Type.SHORT_TYPE, Type.INT_TYPE,
                Type.FLOAT_TYPE, Type.LONG_TYPE, Type.DOUBLE_TYPE, OBJECT}) {
            FIRES[type.getSort()] = new Fire("fire", "(" + type.getDescriptor() + "II)V");
        }
        FIRES[Type.METHOD] = new Fire("fire", "(II)V");
    }

    private ProbeInsns() {
    }

    /** The shortest instruction that pushes {@code value}. */
    static AbstractInsnNode push(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }

    /**
     * A call of {@code Bootstrap.fire} taking a value of {@code type} (none for null), then the class id and slot.
     *
     * @param type the value's type, or null
     * @return the call
     */
    static Fire fire(Type type) {
        return FIRES[type == null ? Type.METHOD : erase(type).getSort()];
    }

    /** A call of {@code Bootstrap.fireExternal(receiver, classId, slot)}. */
    static Fire fireExternal() {
        return FIRE_EXTERNAL;
    }

    /** References become Object; primitives stay exact, so that the runtime boxes them to Integer, Boolean... */
    static Type erase(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY ? OBJECT : type;
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
}

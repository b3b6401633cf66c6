package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Hands ASM's writer every stack map frame of a method in compressed form ({@code F_SAME}, {@code F_SAME1},
 * {@code F_CHOP}, {@code F_APPEND}, {@code F_FULL}), chosen by the rules ASM's writer applies to an expanded
 * ({@code F_NEW}) frame, so that it writes the same bytes. What this spares: for an expanded frame, the writer turns
 * each reference type into a descriptor and back into an internal name before comparing the frame with the
 * previous one (two strings per reference, per frame); here the comparison is of the types as given, and a frame
 * that repeats the previous one's locals is written without looking at them again.
 *
 * <p>One difference in bytes is allowed: a frame that keeps the locals and has one stack value, 63 bytes after the
 * previous frame, is written in the short form (which the class file format allows there), where ASM writes the
 * extended one. Frames must all be expanded, in code order; class files before version 50 have none to write.
 */
final class CompressedFrames extends MethodVisitor {

    /** The locals of the previous frame (at first the method's implicit one), in ASM's frame form. */
    private Object[] previous;
    private int previousLength;
    private final Object[] appended = new Object[3];

    private CompressedFrames(MethodVisitor writer, String owner, int access, String name, String descriptor) {
        super(Opcodes.ASM9, writer);
        Type[] arguments = Type.getArgumentTypes(descriptor);
        previous = new Object[arguments.length + 1];
        if ((access & Opcodes.ACC_STATIC) == 0) {
            previous[previousLength++] = "<init>".equals(name) ? Opcodes.UNINITIALIZED_THIS : owner;
        }
        for (Type argument : arguments) {
            previous[previousLength++] = frameType(argument);
        }
    }

    /**
     * @param writer the class writer
     * @return a visitor that gives {@code writer} each method through a {@link CompressedFrames} if the class file
     *     has stack map frames
     */
    static ClassVisitor around(ClassVisitor writer) {
        return new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;
            private boolean frames;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                owner = name;
                frames = (version & 0xFFFF) >= Opcodes.V1_6;
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return frames && method != null ? new CompressedFrames(method, owner, access, name, descriptor)
                        : method;
            }
        };
    }

    private static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return type.getInternalName();
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames must be expanded, not of type " + type);
        }
        int localDelta = numLocal - previousLength;
        int kind = Opcodes.F_FULL;
        if (numStack == 0) {
            if (localDelta == 0) {
                kind = Opcodes.F_SAME;
            } else if (localDelta >= -3 && localDelta <= 3) {
                kind = localDelta < 0 ? Opcodes.F_CHOP : Opcodes.F_APPEND;
            }
        } else if (localDelta == 0 && numStack == 1) {
            kind = Opcodes.F_SAME1;
        }
        if (kind != Opcodes.F_FULL && !samePrefix(local, Math.min(numLocal, previousLength))) {
            kind = Opcodes.F_FULL;
        }
        switch (kind) {
            case Opcodes.F_SAME -> super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            case Opcodes.F_SAME1 -> super.visitFrame(Opcodes.F_SAME1, 0, null, 1, stack);
            case Opcodes.F_CHOP -> super.visitFrame(Opcodes.F_CHOP, -localDelta, null, 0, null);
            case Opcodes.F_APPEND -> {
                System.arraycopy(local, previousLength, appended, 0, localDelta);
                super.visitFrame(Opcodes.F_APPEND, localDelta, appended, 0, null);
            }
            default -> super.visitFrame(Opcodes.F_FULL, numLocal, local, numStack, stack);
        }
        if (previous.length < numLocal) {
            previous = new Object[Math.max(numLocal, previous.length * 2)];
        }
        System.arraycopy(local, 0, previous, 0, numLocal);
        previousLength = numLocal;
    }

    private boolean samePrefix(Object[] local, int length) {
        for (int i = 0; i < length; i++) {
            Object a = local[i];
            Object b = previous[i];
            if (a != b && !(a instanceof String && a.equals(b)) && !(a instanceof Integer && a.equals(b))) {
                return false;
            }
        }
        return true;
    }
}

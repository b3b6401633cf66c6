package io.lowimpact.monitoring.instrument.corpus;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

/**
 * Turns a target's class file into one of an older version, byte for byte the same code (the constant pool is
 * copied, so every offset stays), for checking that old class files get the same events. Only classes that use
 * nothing the older version lacks fit: no {@code invokedynamic} or dynamic constants, no nest mates, no records, no
 * interface methods with code or calls of them. A version-49 file keeps its {@code StackMapTable}, which the JVM ignores below 50.
 */
final class OldVersions {

    private OldVersions() {
    }

    /** @return the class file with its version set to {@code version} */
    static byte[] downgrade(byte[] classFile, int version) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** @return whether the class file uses nothing that class files of version 49 lack */
    static boolean fits(byte[] classFile) {
        boolean[] fits = {true};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            private boolean isInterface;

            @Override
            public void visit(int v, int access, String name, String signature, String superName,
                    String[] interfaces) {
                isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            }

            @Override
            public void visitNestHost(String nestHost) {
                fits[0] = false;
            }

            @Override
            public void visitNestMember(String nestMember) {
                fits[0] = false;
            }

            @Override
            public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
                fits[0] = false;
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (isInterface && (access & Opcodes.ACC_ABSTRACT) == 0 && !name.equals("<clinit>")) {
                    fits[0] = false;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... arguments) {
                        fits[0] = false;
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String n, String d, boolean isInterface) {
                        fits[0] &= !(isInterface && opcode != Opcodes.INVOKEINTERFACE); // static interface methods
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        fits[0] &= !(value instanceof ConstantDynamic);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return fits[0];
    }
}

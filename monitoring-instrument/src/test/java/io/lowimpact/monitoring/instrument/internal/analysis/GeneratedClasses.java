package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Class files written with ASM for shapes javac does not produce (odd line tables, old versions, jsr). They are
 * analysed, never loaded, so they need no stack map frames.
 */
final class GeneratedClasses {

    private GeneratedClasses() {
    }

    /**
     * @param version the class file version ({@code Opcodes.V1_5}...)
     * @param sourceFile the SourceFile attribute, or null
     * @param body writes the code of the static method {@code m(Ljava/lang/Object;)V}, from visitCode exclusive to
     *     visitMaxs exclusive
     * @return the class file of {@code gen/Generated}
     */
    static byte[] withMethod(int version, String sourceFile, Consumer<MethodVisitor> body) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "gen/Generated", null, "java/lang/Object", null);
        if (sourceFile != null) {
            writer.visitSource(sourceFile, null);
        }
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "m", "(Ljava/lang/Object;)V", null, null);
        method.visitCode();
        body.accept(method);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** @return the only method of a class written by {@link #withMethod} */
    static MethodAnalysis analyzeMethod(byte[] classFile) {
        return ClassAnalyzer.analyze(classFile).method("m", "(Ljava/lang/Object;)V").orElseThrow();
    }

    /**
     * @param classFile a class file
     * @param debug the SourceDebugExtension to give it (null removes it)
     * @return the class file with that SourceDebugExtension and its SourceFile unchanged
     */
    static byte[] withSourceDebugExtension(byte[] classFile, String debug) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitSource(String source, String ignored) {
                super.visitSource(source, debug);
            }
        }, 0);
        return writer.toByteArray();
    }
}

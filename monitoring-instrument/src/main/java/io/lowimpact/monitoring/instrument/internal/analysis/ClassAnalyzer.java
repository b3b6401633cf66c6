package io.lowimpact.monitoring.instrument.internal.analysis;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;

/**
 * Analyses a class file for monitoring: one read with ASM, no change to the bytes. Stateless and thread-safe.
 *
 * <pre>{@code
 * ClassAnalysis analysis = ClassAnalyzer.analyze(bytes);
 * for (MethodAnalysis method : analysis.methods()) {
 *     method.linePoints();   // where LINE fires
 *     method.branches();     // BRANCH_LEFT / BRANCH_RIGHT edges
 * }
 * }</pre>
 *
 * <p>The rewrite, which needs the class in ASM's tree as well, gets it from the same read:
 * {@link #analyze(OffsetClassReader, ClassVisitor)} hands every visit on to its visitor.
 */
public final class ClassAnalyzer {

    private ClassAnalyzer() {
    }

    /**
     * Analyses a class file.
     *
     * @param classBytes the class file's bytes; not changed, not kept
     * @return the analysis
     * @throws NullPointerException if {@code classBytes} is null
     * @throws IllegalArgumentException if the bytes cannot be analysed: not a class file, an unsupported version
     *     (the message is {@link ClassSupport#problem()}), or a malformed class file
     */
    public static ClassAnalysis analyze(byte[] classBytes) {
        return analyze(reader(classBytes), null);
    }

    /**
     * A reader of a class file that can be analysed.
     *
     * @param classBytes the class file's bytes; not changed, kept by the reader
     * @return its reader
     * @throws NullPointerException if {@code classBytes} is null
     * @throws IllegalArgumentException if the bytes cannot be analysed: not a class file, an unsupported version
     *     (the message is {@link ClassSupport#problem()}), or a header that ASM cannot read
     */
    public static OffsetClassReader reader(byte[] classBytes) {
        ClassSupport support = ClassSupport.of(classBytes);
        if (!support.analysable()) {
            throw new IllegalArgumentException(support.problem());
        }
        try {
            return new OffsetClassReader(classBytes);
        } catch (RuntimeException e) {
            throw malformed("?", e);
        }
    }

    /**
     * Analyses a class in one read that also gives the whole class, with expanded frames
     * ({@link ClassReader#EXPAND_FRAMES}), to {@code next}: the analysis visits what it needs and passes every visit
     * on.
     *
     * @param reader a reader of the class ({@link #reader(byte[])})
     * @param next where every visit goes on to, or null for none (the class is then read without frames)
     * @return the analysis
     * @throws IllegalArgumentException if the class file is malformed
     */
    public static ClassAnalysis analyze(OffsetClassReader reader, ClassVisitor next) {
        String className = "?";
        try {
            className = reader.getClassName();
            int[] codeLengths = CodeLengths.read(reader);
            ClassScanner scanner = new ClassScanner(reader, codeLengths, next);
            reader.accept(scanner, next == null ? ClassReader.SKIP_FRAMES : ClassReader.EXPAND_FRAMES);
            return scanner.result();
        } catch (RuntimeException e) {
            throw malformed(className, e);
        }
    }

    private static IllegalArgumentException malformed(String className, RuntimeException e) {
        return new IllegalArgumentException("cannot analyse class " + className + ": malformed class file (" + e + ")",
                e);
    }
}

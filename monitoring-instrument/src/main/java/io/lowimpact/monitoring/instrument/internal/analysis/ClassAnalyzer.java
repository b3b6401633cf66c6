package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.Map;
import org.objectweb.asm.ClassReader;

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
        ClassSupport support = ClassSupport.of(classBytes);
        if (!support.analysable()) {
            throw new IllegalArgumentException(support.problem());
        }
        String className = "?";
        try {
            OffsetClassReader reader = new OffsetClassReader(classBytes);
            className = reader.getClassName();
            Map<String, Integer> codeLengths = CodeLengths.read(reader);
            ClassScanner scanner = new ClassScanner(reader, codeLengths);
            reader.accept(scanner, ClassReader.SKIP_FRAMES);
            return scanner.result();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot analyse class " + className + ": malformed class file ("
                    + e + ")", e);
        }
    }
}

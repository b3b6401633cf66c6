package io.lowimpact.monitoring.instrument.verify;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * One class of a corpus through the offline API (the instrumenter's stable entry point) and ASM's checks: what
 * became of it. It sees the instrumenter only as {@code byte[] -> byte[]}, so it keeps working whatever the
 * instrumenter's insides become.
 *
 * <p>The ASM check is {@link CheckClassAdapter} (structure: opcodes, operands, labels, names, signatures) and an
 * {@link Analyzer} with a {@link SimpleVerifier} per method (data flow: stack heights, types of locals and stack
 * values, assignability through the class hierarchy seen by a given loader). A failure counts against the
 * instrumenter only if the original class passes the same check: ASM's checks are stricter or weaker than the
 * JVM's in places (signatures of other languages, interfaces), and that is not ours to judge.
 */
final class ClassCheck {

    /** The class file version of the running JVM. */
    static final int RUNTIME_MAJOR_VERSION = 44 + Runtime.version().feature();

    /** What became of a class. */
    enum Kind {
        /** Instrumented, and the result passes the ASM check. */
        INSTRUMENTED,
        /** The instrumenter refused it; {@link Outcome#reason} says why. The agent loads such a class unchanged. */
        UNCHANGED,
        /** Not tried: newer than the running JVM (multi-release jars), so it cannot be loaded here. */
        SKIPPED,
        /** The instrumenter threw something other than a documented refusal. */
        CRASHED,
        /** The result fails a check that the original passes. */
        BROKEN
    }

    /** What became of a class, with the instrumented bytes when there are some. */
    record Outcome(Kind kind, String reason, byte[] instrumented) {
    }

    private ClassCheck() {
    }

    /** @return the class file's major version */
    static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /**
     * Instruments a class with probes for every event and checks the result.
     *
     * @param original the class file
     * @param hierarchy the loader through which {@link SimpleVerifier} looks up the classes it compares
     */
    static Outcome check(byte[] original, ClassLoader hierarchy) {
        int version = majorVersion(original);
        if (version > RUNTIME_MAJOR_VERSION) {
            return new Outcome(Kind.SKIPPED, "version " + version + " > running JVM", null);
        }
        byte[] instrumented;
        try {
            instrumented = OfflineInstrumenter.instrument(original, EventSet.ALL);
        } catch (IllegalArgumentException refused) {
            return new Outcome(Kind.UNCHANGED, version < 51 ? "version < 51" : "refused: " + refused.getMessage(),
                    null);
        } catch (MethodTooLargeException | ClassTooLargeException tooLarge) {
            return new Outcome(Kind.UNCHANGED, "method too large", null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(Kind.CRASHED, e.toString(), null);
        }
        String problem = asmProblem(instrumented, hierarchy);
        if (problem != null && asmProblem(original, hierarchy) == null) {
            return new Outcome(Kind.BROKEN, problem, instrumented);
        }
        return new Outcome(Kind.INSTRUMENTED, problem == null ? null : "ASM check fails on the original too",
                instrumented);
    }

    /** @return the first problem ASM finds in a class file, or {@code null} */
    static String asmProblem(byte[] classFile, ClassLoader hierarchy) {
        try {
            new ClassReader(classFile).accept(new CheckClassAdapter(new ClassNode(), false), 0);
        } catch (RuntimeException e) {
            return "CheckClassAdapter: " + e;
        }
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_DEBUG);
        Type superType = node.superName == null ? null : Type.getObjectType(node.superName);
        List<Type> interfaces = new ArrayList<>();
        for (String i : node.interfaces) {
            interfaces.add(Type.getObjectType(i));
        }
        boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
        for (MethodNode method : node.methods) {
            if (method.instructions.size() == 0) {
                continue;
            }
            SimpleVerifier verifier = new SimpleVerifier(Opcodes.ASM9, Type.getObjectType(node.name), superType,
                    interfaces, isInterface) {
            };
            verifier.setClassLoader(hierarchy);
            try {
                new Analyzer<>(verifier).analyze(node.name, method);
            } catch (AnalyzerException | LinkageError e) {
                if (!missingClass(e)) {
                    return method.name + method.desc + ": " + e.getMessage();
                }
                // A type of the hierarchy is not loadable here: check what needs no hierarchy.
                try {
                    new Analyzer<>(new BasicVerifier()).analyze(node.name, method);
                } catch (AnalyzerException basic) {
                    return method.name + method.desc + ": " + basic.getMessage();
                }
            }
        }
        return null;
    }

    private static boolean missingClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClassNotFoundException || t instanceof LinkageError
                    || t instanceof TypeNotPresentException) {
                return true;
            }
        }
        return false;
    }
}

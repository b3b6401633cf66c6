package io.lowimpact.monitoring.benchmarks.realworld;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What the bytecode of each source line holds, read with ASM from the measured library's jar: the evidence that
 * {@link SuiteComparison} needs to put a difference between JaCoCo's and our coverage into a documented class of
 * difference (docs/coverage.md, "What differs from JaCoCo") rather than call it unexplained.
 */
final class LineFeatures {

    /** A property of a line's bytecode. */
    enum Feature {
        /** An instruction that can throw: an invocation, {@code new}, {@code athrow}, an array or field access, a cast, a division. */
        CAN_THROW,
        /** A {@code switch} on a string: {@code String.hashCode()} then a switch instruction. */
        STRING_SWITCH,
        /** An {@code assert}: a read of {@code $assertionsDisabled}. */
        ASSERT,
        /** The line has code in a synthetic method (a bridge, a switch map) or a synthetic class. */
        SYNTHETIC,
        /**
         * The line has code of a catch-any handler up to its {@code athrow}: the exceptional copy of a
         * {@code finally} block (or try-with-resources' close on an exception), which JaCoCo's filters hide.
         */
        FINALLY_HANDLER
    }

    private final Map<String, Set<Feature>> features = new HashMap<>();

    private LineFeatures() {
    }

    /**
     * @param jar the library's jar
     * @return the features of every line of every class in it
     * @throws IOException if the jar cannot be read
     */
    static LineFeatures of(Path jar) throws IOException {
        LineFeatures f = new LineFeatures();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : file.stream().toList()) {
                if (e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class")) {
                    try (InputStream in = file.getInputStream(e)) {
                        ClassNode node = new ClassNode();
                        new ClassReader(in).accept(node, 0);
                        f.add(node);
                    }
                }
            }
        }
        return f;
    }

    /**
     * @param key a line, as {@code package/File.java:line}
     * @return its features (empty when it has none or is unknown)
     */
    Set<Feature> of(String key) {
        return features.getOrDefault(key, EnumSet.noneOf(Feature.class));
    }

    private void add(ClassNode c) {
        String pkg = c.name.lastIndexOf('/') < 0 ? "" : c.name.substring(0, c.name.lastIndexOf('/'));
        String prefix = pkg + "/" + c.sourceFile + ":";
        boolean syntheticClass = (c.access & Opcodes.ACC_SYNTHETIC) != 0;
        for (MethodNode m : c.methods) {
            boolean synthetic = syntheticClass || ((m.access & Opcodes.ACC_SYNTHETIC) != 0
                    && !m.name.startsWith("lambda$"));
            int line = -1;
            AbstractInsnNode[] insns = m.instructions.toArray();
            for (int i = 0; i < insns.length; i++) {
                AbstractInsnNode insn = insns[i];
                if (insn instanceof LineNumberNode ln) {
                    line = ln.line;
                    continue;
                }
                if (line < 0 || insn.getOpcode() < 0) {
                    continue;
                }
                Set<Feature> set = features.computeIfAbsent(prefix + line, k -> EnumSet.noneOf(Feature.class));
                if (synthetic) {
                    set.add(Feature.SYNTHETIC);
                }
                if (canThrow(insn.getOpcode())) {
                    set.add(Feature.CAN_THROW);
                }
                if (insn instanceof FieldInsnNode f && f.name.equals("$assertionsDisabled")) {
                    set.add(Feature.ASSERT);
                }
                if (insn instanceof MethodInsnNode call && call.owner.equals("java/lang/String")
                        && call.name.equals("hashCode")) {
                    for (int j = i + 1; j < insns.length && j < i + 4; j++) {
                        int op = insns[j].getOpcode();
                        if (op == Opcodes.LOOKUPSWITCH || op == Opcodes.TABLESWITCH) {
                            set.add(Feature.STRING_SWITCH);
                        }
                    }
                }
            }
            for (TryCatchBlockNode handler : m.tryCatchBlocks) {
                if (handler.type == null) {
                    markHandler(prefix, handler.handler);
                }
            }
        }
    }

    /** Marks the lines of a catch-any handler's code, from its start to its first {@code athrow}. */
    private void markHandler(String prefix, LabelNode start) {
        int line = -1;
        for (AbstractInsnNode insn = start; insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (insn.getOpcode() >= 0 && line >= 0) {
                features.computeIfAbsent(prefix + line, k -> EnumSet.noneOf(Feature.class)).add(Feature.FINALLY_HANDLER);
            }
            if (insn.getOpcode() == Opcodes.ATHROW) {
                return;
            }
        }
    }

    private static boolean canThrow(int op) {
        return switch (op) {
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE,
                    Opcodes.INVOKEDYNAMIC, Opcodes.NEW, Opcodes.ATHROW, Opcodes.NEWARRAY, Opcodes.ANEWARRAY,
                    Opcodes.MULTIANEWARRAY, Opcodes.ARRAYLENGTH, Opcodes.CHECKCAST, Opcodes.GETFIELD, Opcodes.PUTFIELD,
                    Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                    Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE,
                    Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE, Opcodes.IDIV, Opcodes.LDIV,
                    Opcodes.IREM, Opcodes.LREM, Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.GETSTATIC,
                    Opcodes.PUTSTATIC -> true;
            default -> false;
        };
    }
}

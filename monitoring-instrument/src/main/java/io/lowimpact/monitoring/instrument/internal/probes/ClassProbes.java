package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.instrument.internal.analysis.OffsetClassReader;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.function.Function;

/**
 * Rewrites a class file with probes: reads it with original offsets, asks for each method's {@link MethodPlan}
 * and inserts its probes. Needs class file version 51 or later ({@code invokedynamic}).
 */
public final class ClassProbes {

    /** The first class file version that can hold {@code invokedynamic} (Java 7). */
    public static final int MIN_VERSION = 51;

    private ClassProbes() {
    }

    /**
     * Rewrites a class.
     *
     * @param original the class file
     * @param plans the plan of a method (by its node's name and descriptor), or null to leave it alone
     * @return the rewritten class file
     * @throws IllegalArgumentException if the class file is older than {@link #MIN_VERSION}
     */
    public static byte[] rewrite(byte[] original, Function<MethodNode, MethodPlan> plans) {
        OffsetClassReader reader = new OffsetClassReader(original);
        ClassNode node = new ClassNode(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                OffsetMethodNode method = new OffsetMethodNode(reader, access, name, descriptor, signature, exceptions);
                methods.add(method);
                return method;
            }
        };
        reader.accept(node, ClassReader.EXPAND_FRAMES);
        int version = node.version & 0xFFFF;
        if (version < MIN_VERSION) {
            throw new IllegalArgumentException("class file version " + version + " of " + node.name
                    + " cannot hold invokedynamic probes (needs " + MIN_VERSION + " or later)");
        }
        for (MethodNode method : node.methods) {
            if (method.instructions.size() == 0) {
                continue;
            }
            MethodPlan plan = plans.apply(method);
            if (plan != null && plan.events() != 0) {
                MethodProbes.insert((OffsetMethodNode) method, plan, true);
            }
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        ClassVisitor target = writer;
        node.accept(target);
        return writer.toByteArray();
    }
}

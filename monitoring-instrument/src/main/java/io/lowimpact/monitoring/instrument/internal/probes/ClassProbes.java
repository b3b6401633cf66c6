package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.instrument.internal.analysis.OffsetClassReader;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Rewrites a class file with probes: reads it with original offsets, asks for each method's {@link MethodPlan},
 * inserts its probes, allocates their slots and writes the class. Every class file version gets probes: version 55
 * and later fetch the mask array with a dynamic constant, older ones with a static call ({@link ProbeFetch});
 * versions before 50 carry no stack map frames, and neither do methods with subroutines ({@code jsr}).
 *
 * <p>A method that cannot take probes (its code would grow past 64 KiB, or anything else goes wrong) keeps its
 * original code while the class's other methods get theirs; each such method is reported once.
 */
public final class ClassProbes {

    /** The first class file version with stack map frames. */
    private static final int FRAMES_VERSION = 50;

    private ClassProbes() {
    }

    /**
     * Rewrites a class.
     *
     * @param original the class file
     * @param plans the plan of a method (by its node's name and descriptor), or null to leave it alone
     * @param slots the class's slot allocator
     * @param skipped told of each method left unchanged: its name and descriptor, and why
     * @return the rewritten class file
     */
    public static byte[] rewrite(byte[] original, Function<MethodNode, MethodPlan> plans, SlotAllocator slots,
            BiConsumer<String, String> skipped) {
        OffsetClassReader reader = new OffsetClassReader(original);
        ClassNode tree = tree(reader);
        reader.accept(tree, ClassReader.EXPAND_FRAMES);
        return rewrite(reader, tree, plans, slots, skipped);
    }

    /**
     * An empty tree that takes a class as {@code reader} reads it, with expanded frames, keeping each instruction's
     * original offset: give it to {@code reader.accept} with {@link ClassReader#EXPAND_FRAMES}, or to the analysis's
     * read, and then to {@link #rewrite(OffsetClassReader, ClassNode, Function, SlotAllocator, BiConsumer)}.
     *
     * @param reader the reader that will fill it
     * @return the tree
     */
    public static ClassNode tree(OffsetClassReader reader) {
        return new ClassNode(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                OffsetMethodNode method = new OffsetMethodNode(reader, access, name, descriptor, signature, exceptions);
                methods.add(method);
                return method;
            }
        };
    }

    /**
     * Rewrites a class already read into its {@linkplain #tree tree}; the tree is changed.
     *
     * @param reader the reader of the class file
     * @param read the class as {@code reader} read it into a {@link #tree}, not yet changed
     * @param plans the plan of a method (by its node's name and descriptor), or null to leave it alone
     * @param slots the class's slot allocator
     * @param skipped told of each method left unchanged: its name and descriptor, and why
     * @return the rewritten class file
     */
    public static byte[] rewrite(OffsetClassReader reader, ClassNode read, Function<MethodNode, MethodPlan> plans,
            SlotAllocator slots, BiConsumer<String, String> skipped) {
        Set<String> excluded = new HashSet<>();
        ClassNode next = read;
        while (true) {
            ClassNode node = next != null ? next : read(reader);
            next = null; // a method left out: the class is read again, without the probes of the others
            String failed = null;
            String reason = null;
            List<MethodSlots> emitted = new ArrayList<>();
            boolean computeMaxima = false;
            ProbeFetch fetch = ProbeFetch.forVersion(node.version & 0xFFFF, slots.classId());
            for (MethodNode method : node.methods) {
                boolean skip = method.instructions.size() == 0
                        || !excluded.isEmpty() && excluded.contains(method.name + method.desc);
                MethodPlan plan = skip ? null : plans.apply(method);
                if (plan == null || plan.events() == 0) {
                    continue;
                }
                try {
                    int version = node.version & 0xFFFF;
                    // jsr and ret are illegal from version 51 on: only older methods need the search
                    boolean frames = version >= FRAMES_VERSION
                            && (version > FRAMES_VERSION || !hasSubroutines(method));
                    if (!frames) {
                        removeFrames(method); // older verifiers infer types; half a table would only mislead
                    }
                    emitted.add(new MethodSlots(method,
                            MethodProbes.insert(node.name, (OffsetMethodNode) method, plan, frames, fetch)));
                    computeMaxima |= !MethodProbes.setsMaxima(plan);
                } catch (RuntimeException e) {
                    failed = method.name + method.desc;
                    reason = e.toString();
                    break;
                }
            }
            if (failed == null) {
                for (MethodSlots m : emitted) {
                    m.slots.patch(slots);
                }
                slots.publish();
                // Starting from the original's constant pool keeps its order and spares re-adding each constant.
                ClassWriter writer = new ClassWriter(reader, computeMaxima ? ClassWriter.COMPUTE_MAXS : 0);
                node.accept(CompressedFrames.around(writer));
                try {
                    return writer.toByteArray();
                } catch (MethodTooLargeException e) {
                    failed = e.getMethodName() + e.getDescriptor();
                    reason = "its code would grow to " + e.getCodeSize() + " bytes with probes (at most 65535)";
                }
            }
            if (!excluded.add(failed)) {
                throw new IllegalStateException("cannot instrument " + node.name + " even without " + failed);
            }
            skipped.accept(failed, reason);
        }
    }

    private static ClassNode read(OffsetClassReader reader) {
        ClassNode node = tree(reader);
        reader.accept(node, ClassReader.EXPAND_FRAMES);
        return node;
    }

    private static boolean hasSubroutines(MethodNode method) {
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n.getOpcode() == Opcodes.JSR || n.getOpcode() == Opcodes.RET) {
                return true;
            }
        }
        return false;
    }

    private static void removeFrames(MethodNode method) {
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; ) {
            AbstractInsnNode next = n.getNext();
            if (n instanceof FrameNode) {
                method.instructions.remove(n);
            }
            n = next;
        }
    }

    /** A method's probes, and the slots they wait for. */
    private record MethodSlots(MethodNode method, Slots slots) {
    }
}

package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps stack map frames right about objects created but not yet initialised. A frame names such a value by the
 * offset of its {@code new} instruction (ASM: the label just before it); probes inserted between that label and the
 * {@code new} would move the label onto the probe code. So a fresh label is put right before the {@code new}, and
 * every frame that named one of the old labels as an uninitialised type names the fresh one instead.
 */
final class NewLabels {

    /** Old label to fresh label; made at the first move (most methods have no probe before a {@code new}). */
    private Map<LabelNode, LabelNode> moved;

    /**
     * Inserts {@code probes} before a {@code new} instruction, keeping a label directly before the instruction.
     *
     * @param instructions the method's instructions
     * @param newInsn a {@code NEW} instruction
     * @param probes the probe code to insert before it
     */
    void insertBefore(InsnList instructions, AbstractInsnNode newInsn, InsnList probes) {
        LabelNode fresh = new LabelNode();
        for (AbstractInsnNode n = newInsn.getPrevious(); n != null && n.getOpcode() < 0; n = n.getPrevious()) {
            if (n instanceof LabelNode) {
                if (moved == null) {
                    moved = new IdentityHashMap<>();
                }
                moved.put((LabelNode) n, fresh);
            }
        }
        instructions.insertBefore(newInsn, probes);
        instructions.insertBefore(newInsn, fresh);
    }

    /**
     * Renames the moved labels in every frame of the method, those of its probes included.
     *
     * @param instructions the method's instructions, probes inserted
     */
    void fixFrames(InsnList instructions) {
        if (moved == null) {
            return;
        }
        for (AbstractInsnNode n = instructions.getFirst(); n != null; n = n.getNext()) {
            FrameNode frame = n instanceof FrameNode ? (FrameNode) n : n instanceof ProbeNode ? ((ProbeNode) n).frame
                    : null;
            if (frame != null) {
                rename(frame.local);
                rename(frame.stack);
            }
        }
    }

    private void rename(List<Object> types) {
        if (types == null) {
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            Object type = types.get(i);
            if (type instanceof LabelNode && moved.containsKey(type)) {
                types.set(i, moved.get(type));
            }
        }
    }

    static boolean isNew(AbstractInsnNode insn) {
        return insn.getOpcode() == Opcodes.NEW;
    }
}

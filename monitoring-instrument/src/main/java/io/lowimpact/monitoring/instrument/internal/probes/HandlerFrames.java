package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The original exception handlers that cover an instruction, and locals that every one of their frames accepts.
 * A probe handler that catches an exception at that instruction and rethrows it from code placed after the
 * original code must be covered by copies of these handlers (same order, same types), so that the exception goes
 * where it would have gone; the verifier then needs the rethrowing code's locals to fit each handler's frame.
 * Since the instruction's own locals fit every one of those frames, the most precise of them, slot by slot, fit
 * both ways: that is what {@link #locals} gives, or null when two frames disagree on a slot.
 */
final class HandlerFrames {

    private HandlerFrames() {
    }

    /** @return the original handlers whose range holds {@code offset}, in table order */
    static List<TryCatchBlockNode> covering(List<TryCatchBlockNode> blocks, Offsets offsets, int offset) {
        List<TryCatchBlockNode> covering = new ArrayList<>();
        for (TryCatchBlockNode block : blocks) {
            int start = offsets.of(block.start);
            int end = offsets.of(block.end);
            if (start <= offset && (offset < end || end == -1)) {
                covering.add(block);
            }
        }
        return covering;
    }

    /**
     * @param handlers handlers, each starting with a stack map frame (expanded)
     * @return their locals met slot by slot (one entry per slot, TOP after a long or double), or null if a handler
     *     has no frame or two frames give one slot different types
     */
    static List<Object> locals(List<TryCatchBlockNode> handlers) {
        List<Object> slots = new ArrayList<>();
        for (TryCatchBlockNode block : handlers) {
            FrameNode frame = frameAt(block.handler);
            if (frame == null) {
                return null;
            }
            int slot = 0;
            for (Object type : frame.local) {
                boolean wide = Opcodes.LONG.equals(type) || Opcodes.DOUBLE.equals(type);
                for (Object t : wide ? new Object[] {type, Opcodes.TOP} : new Object[] {type}) {
                    while (slots.size() <= slot) {
                        slots.add(Opcodes.TOP);
                    }
                    if (Opcodes.TOP.equals(slots.get(slot))) {
                        slots.set(slot, t);
                    } else if (!Opcodes.TOP.equals(t) && !t.equals(slots.get(slot))) {
                        return null;
                    }
                    slot++;
                }
            }
        }
        return slots;
    }

    /** @return the frame between a label and the instruction it marks, or null */
    private static FrameNode frameAt(AbstractInsnNode label) {
        for (AbstractInsnNode node = label; node != null && node.getOpcode() < 0; node = node.getNext()) {
            if (node instanceof FrameNode) {
                return (FrameNode) node;
            }
        }
        return null;
    }
}

package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;

import java.util.Arrays;
import java.util.List;

/**
 * The original offsets of a method's instructions and labels, taken before any probe is inserted: an instruction's
 * by its index among the original instructions, a label's in the label itself ({@link OffsetLabel}). A label's
 * offset is that of the first instruction after it, -1 at the end of the code.
 */
final class Offsets {

    private final OffsetMethodNode method;
    private final List<AbstractInsnNode> instructions;

    Offsets(OffsetMethodNode method) {
        this.method = method;
        AbstractInsnNode[] originals = new AbstractInsnNode[method.instructionCount()];
        int index = originals.length;
        int next = -1; // the offset of the instruction after the nodes seen so far, walking back from the end
        for (AbstractInsnNode node = method.instructions.getLast(); node != null; node = node.getPrevious()) {
            if (node instanceof OffsetLabel) {
                ((OffsetLabel) node).offset = next;
            } else if (node.getOpcode() >= 0) {
                originals[--index] = node;
                next = method.offsetOf(index);
            }
        }
        if (index != 0) {
            throw new IllegalStateException("the method's instructions are not those it read");
        }
        instructions = Arrays.asList(originals);
    }

    /** @return the original instructions, in order */
    List<AbstractInsnNode> instructions() {
        return instructions;
    }

    /** @return the original offset of the {@code index}-th original instruction */
    int at(int index) {
        return method.offsetOf(index);
    }

    /** @return the index among the original instructions of the one at a label's offset */
    int indexOf(LabelNode label) {
        int offset = of(label);
        int low = 0;
        int high = instructions.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int at = at(mid);
            if (at < offset) {
                low = mid + 1;
            } else if (at > offset) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("no instruction at offset " + offset);
    }

    /** @return the original offset of a label of the method as read */
    int of(LabelNode label) {
        int offset = label instanceof OffsetLabel ? ((OffsetLabel) label).offset : OffsetLabel.UNKNOWN;
        if (offset == OffsetLabel.UNKNOWN) {
            throw new IllegalStateException("no original offset for " + label);
        }
        return offset;
    }
}

package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original offsets of a method's instructions and labels, taken before any probe is inserted.
 * A label's offset is that of the first instruction after it.
 */
final class Offsets {

    private final List<AbstractInsnNode> instructions = new ArrayList<>();
    private final Map<AbstractInsnNode, Integer> offsets;

    Offsets(OffsetMethodNode method) {
        offsets = new IdentityHashMap<>(method.instructions.size());
        List<LabelNode> pending = new ArrayList<>();
        for (AbstractInsnNode node = method.instructions.getFirst(); node != null; node = node.getNext()) {
            if (node instanceof LabelNode) {
                pending.add((LabelNode) node);
            } else if (node.getOpcode() >= 0) {
                int offset = method.offsetOf(instructions.size());
                instructions.add(node);
                offsets.put(node, offset);
                for (LabelNode label : pending) {
                    offsets.put(label, offset);
                }
                pending.clear();
            }
        }
        for (LabelNode label : pending) {
            offsets.put(label, -1); // the end of the code
        }
    }

    /** @return the original instructions, in order */
    List<AbstractInsnNode> instructions() {
        return instructions;
    }

    /** @return the original offset of an instruction or label */
    int of(AbstractInsnNode node) {
        Integer offset = offsets.get(node);
        if (offset == null) {
            throw new IllegalStateException("no original offset for " + node);
        }
        return offset;
    }
}

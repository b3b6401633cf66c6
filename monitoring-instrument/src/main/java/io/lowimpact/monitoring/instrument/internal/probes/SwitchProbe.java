package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The edge probes of a {@code tableswitch} or {@code lookupswitch}: each distinct target becomes a stub, placed
 * right after the switch, that tests and fires its edge and then jumps to the target. Cases that go to the default
 * share the default's stub: that is the left edge (BRANCH_LEFT); every other target is a right edge. A switch whose
 * cases all go to the default is no branch and gets nothing. A target that only the switch leads to, and whose line
 * store says that the edge ran ({@link MethodProbes#implied}), gets no stub: the switch jumps there directly.
 */
final class SwitchProbe {

    private final MethodProbes probes;
    private final AbstractInsnNode insn;
    private final int index;
    private final int offset;

    SwitchProbe(MethodProbes probes, AbstractInsnNode insn, int index, int offset) {
        this.probes = probes;
        this.insn = insn;
        this.index = index;
        this.offset = offset;
    }

    void insert() {
        LabelNode dflt;
        List<LabelNode> labels;
        if (insn instanceof TableSwitchInsnNode) {
            dflt = ((TableSwitchInsnNode) insn).dflt;
            labels = ((TableSwitchInsnNode) insn).labels;
        } else {
            dflt = ((LookupSwitchInsnNode) insn).dflt;
            labels = ((LookupSwitchInsnNode) insn).labels;
        }
        Offsets offsets = probes.offsets();
        int defaultOffset = offsets.of(dflt);
        boolean anyCase = false;
        for (LabelNode label : labels) {
            anyCase |= offsets.of(label) != defaultOffset;
        }
        if (!anyCase) {
            return;
        }
        InsnList stubs = new InsnList();
        Map<Integer, LabelNode> stubByTarget = new HashMap<>();
        Set<Integer> probed = new HashSet<>(); // the targets with a stub or a line's store that implies their edge
        if (probes.plan().wants(Event.BRANCH_LEFT)) {
            probed.add(defaultOffset);
            if (!probes.implied(Event.BRANCH_LEFT, offset, offsets.indexOf(dflt))) {
                stubByTarget.put(defaultOffset, stub(stubs, Event.BRANCH_LEFT, dflt, defaultOffset));
            }
        }
        if (probes.plan().wants(Event.BRANCH_RIGHT)) {
            for (LabelNode label : labels) {
                int target = offsets.of(label);
                if (target != defaultOffset && probed.add(target)
                        && !probes.implied(Event.BRANCH_RIGHT, offset, offsets.indexOf(label))) {
                    stubByTarget.put(target, stub(stubs, Event.BRANCH_RIGHT, label, target));
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            LabelNode stub = stubByTarget.get(offsets.of(labels.get(i)));
            if (stub != null) {
                labels.set(i, stub);
            }
        }
        LabelNode defaultStub = stubByTarget.get(defaultOffset);
        if (defaultStub != null) {
            if (insn instanceof TableSwitchInsnNode) {
                ((TableSwitchInsnNode) insn).dflt = defaultStub;
            } else {
                ((LookupSwitchInsnNode) insn).dflt = defaultStub;
            }
        }
        probes.instructions().insert(insn, stubs);
    }

    /** {@code stub: [frame] test; ifeq target; fire; goto target}. */
    private LabelNode stub(InsnList stubs, Event<?> event, LabelNode target, int targetOffset) {
        LabelNode stub = new LabelNode();
        stubs.add(stub);
        if (probes.frames()) {
            stubs.add(probes.states().beforePopping(index, 1)); // the key is popped
        }
        probes.probeTo(stubs, event, offset, targetOffset, null, ProbeInsns.fire(null), target);
        stubs.add(new JumpInsnNode(Opcodes.GOTO, target));
        return stub;
    }
}

package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;

/**
 * The edge probes of a conditional jump {@code if<cond> T} whose fall-through is {@code next}, on the edges rather
 * than on the jump:
 * <pre>
 *   if&lt;!cond&gt; left; [test right; ifeq T; fire right;] goto T; left: [test left; ifeq next; fire left;] next:
 * </pre>
 * An edge that runs costs its own test; an edge that never runs costs nothing. Only the half of the edges that some
 * event wants is probed when the other is not wanted, and an edge that a line's store implies
 * ({@link MethodProbes#implied}) is not probed either: a jump whose two edges are both implied stays as it was.
 */
final class ConditionalProbe {

    private final MethodProbes probes;
    private final int index;
    private final int offset;

    /**
     * @param probes the method's probes
     * @param index the jump's index among the original instructions
     * @param offset its offset
     */
    ConditionalProbe(MethodProbes probes, int index, int offset) {
        this.probes = probes;
        this.index = index;
        this.offset = offset;
    }

    void insert() {
        JumpInsnNode jump = (JumpInsnNode) probes.originals().get(index);
        Offsets offsets = probes.offsets();
        MethodPlan plan = probes.plan();
        int opcode = jump.getOpcode();
        LabelNode target = jump.label;
        int to = offsets.of(target);
        int fallThrough = offsets.at(index + 1);
        int operands = opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ACMPNE ? 2 : 1;
        InsnList code = new InsnList();
        boolean leftProbe = plan.wants(Event.BRANCH_LEFT) && !probes.implied(Event.BRANCH_LEFT, offset, index + 1);
        if (plan.wants(Event.BRANCH_RIGHT)
                && !probes.implied(Event.BRANCH_RIGHT, offset, offsets.indexOf(target))) {
            LabelNode left = leftProbe ? new LabelNode() : probes.framedLabel(index + 1);
            jump.setOpcode(Branches.inverse(opcode));
            jump.label = left;
            probes.probeTo(code, Event.BRANCH_RIGHT, offset, to, null, ProbeInsns.fire(null), target);
            code.add(new JumpInsnNode(Opcodes.GOTO, target));
            if (leftProbe) {
                code.add(left);
                if (probes.frames()) {
                    code.add(probes.states().beforePopping(index, operands));
                }
            }
        }
        if (leftProbe) {
            // a store falls through to the next instruction, which then needs no frame of its own
            LabelNode next = probes.isStore(Event.BRANCH_LEFT) ? null : probes.framedLabel(index + 1);
            probes.probeTo(code, Event.BRANCH_LEFT, offset, fallThrough, null, ProbeInsns.fire(null), next);
        }
        probes.instructions().insert(jump, code);
    }
}

package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

import java.util.Arrays;
import java.util.List;

/**
 * The original instructions whose frame state the probes of a plan may ask for ({@link FrameStates} keeps only
 * those, and {@link MethodProbes} gives the others no probe): those that get a probe of the plan's events (the first
 * for METHOD_START, line points for LINE, handler starts for EXCEPTION_HANDLED, {@code goto} for JUMP, conditional
 * jumps and switches for the branch events, {@code athrow} for RAISE and RERAISE, returns for METHOD_RETURN, calls for
 * CALL; every one for INSTRUCTION) and the instruction after a conditional jump or a call (the skip target of an
 * edge's or a call's probe).
 */
final class NeededStates {

    private NeededStates() {
    }

    /**
     * @param originals the method's original instructions
     * @param offsets their offsets
     * @param plan what the method gets
     * @param handlerStarts the offsets where exception handlers start, sorted
     * @return by original instruction index, whether its state is needed
     */
    static boolean[] of(List<AbstractInsnNode> originals, Offsets offsets, MethodPlan plan, int[] handlerStarts) {
        int n = originals.size();
        boolean[] needed = new boolean[n];
        boolean every = plan.wants(Event.INSTRUCTION);
        boolean start = plan.wants(Event.METHOD_START);
        boolean lines = plan.wants(Event.LINE);
        boolean handled = plan.wants(Event.EXCEPTION_HANDLED);
        boolean jumps = plan.wants(Event.JUMP);
        boolean branches = plan.wants(Event.BRANCH_LEFT) || plan.wants(Event.BRANCH_RIGHT);
        boolean raises = plan.wants(Event.RAISE) || plan.wants(Event.RERAISE);
        boolean returns = plan.wants(Event.METHOD_RETURN);
        boolean calls = plan.wants(Event.CALL);
        for (int i = 0; i < n; i++) {
            AbstractInsnNode insn = originals.get(i);
            int opcode = insn.getOpcode();
            boolean own;
            boolean andNext = false;
            if (insn instanceof JumpInsnNode) {
                boolean conditional = opcode != Opcodes.GOTO && opcode != Opcodes.JSR;
                own = conditional ? branches : opcode == Opcodes.GOTO && jumps;
                andNext = conditional && branches;
            } else if (insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode) {
                own = branches;
            } else if (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode) {
                own = calls;
                andNext = calls;
            } else if (opcode == Opcodes.ATHROW) {
                own = raises;
            } else {
                own = opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && returns;
            }
            if (every || own || i == 0 && start) {
                needed[i] = true;
            } else if (!needed[i] && (lines || handled)) {
                int offset = offsets.at(i);
                needed[i] = lines && plan.isLinePoint(offset)
                        || handled && Arrays.binarySearch(handlerStarts, offset) >= 0;
            }
            if (andNext && i + 1 < n) {
                needed[i + 1] = true;
            }
        }
        return needed;
    }
}

package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.Arrays;
import java.util.List;

/**
 * How many ways into each original instruction of a method there are: the method's entry, the fall-through from the
 * instruction before, each jump and each switch (once per distinct target) that goes there, and an exception handler
 * counted twice. Every jump and fall-through counts, reachable or not, so the count is never too low: an instruction
 * with one way in is reached only that way. {@link MethodProbes} uses that for edges whose destination is a line
 * point: where both are stores, the line's store says that the edge ran, and the edge needs no probe of its own.
 */
final class Entries {

    private final int[] counts;

    private Entries(int[] counts) {
        this.counts = counts;
    }

    static Entries of(List<AbstractInsnNode> originals, List<TryCatchBlockNode> handlers, Offsets offsets) {
        int n = originals.size();
        int[] counts = new int[n];
        counts[0]++;
        for (int i = 0; i < n; i++) {
            AbstractInsnNode insn = originals.get(i);
            if (i + 1 < n && fallsThrough(insn.getOpcode())) {
                counts[i + 1]++;
            }
            if (insn instanceof JumpInsnNode) {
                counts[offsets.indexOf(((JumpInsnNode) insn).label)]++;
            } else if (insn instanceof TableSwitchInsnNode) {
                TableSwitchInsnNode s = (TableSwitchInsnNode) insn;
                countTargets(counts, offsets, s.dflt, s.labels);
            } else if (insn instanceof LookupSwitchInsnNode) {
                LookupSwitchInsnNode s = (LookupSwitchInsnNode) insn;
                countTargets(counts, offsets, s.dflt, s.labels);
            }
        }
        for (TryCatchBlockNode handler : handlers) {
            counts[offsets.indexOf(handler.handler)] += 2;
        }
        return new Entries(counts);
    }

    /** @return whether the {@code index}-th original instruction has exactly one way in */
    boolean single(int index) {
        return counts[index] == 1;
    }

    private static void countTargets(int[] counts, Offsets offsets, LabelNode dflt, List<LabelNode> labels) {
        int[] targets = new int[labels.size() + 1];
        targets[0] = offsets.indexOf(dflt);
        for (int i = 0; i < labels.size(); i++) {
            targets[i + 1] = offsets.indexOf(labels.get(i));
        }
        Arrays.sort(targets);
        for (int i = 0; i < targets.length; i++) {
            if (i == 0 || targets[i] != targets[i - 1]) {
                counts[targets[i]]++;
            }
        }
    }

    private static boolean fallsThrough(int opcode) {
        return opcode != Opcodes.GOTO && opcode != Opcodes.ATHROW && opcode != Opcodes.TABLESWITCH
                && opcode != Opcodes.LOOKUPSWITCH && opcode != Opcodes.RET
                && (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN);
    }
}

package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code super(...)} or {@code this(...)} call of a constructor: the first {@code invokespecial <init>}
 * that is not paired with an earlier {@code new}. Compilers emit each {@code new} before its constructor call,
 * nested like brackets, so counting them in code order is enough.
 */
final class SuperCall {

    private SuperCall() {
    }

    /**
     * @return the call, or null if there is none or more than one (Groovy's constructors choose their super
     *     constructor in a switch): then the whole constructor counts as not initialised
     */
    static AbstractInsnNode find(MethodNode constructor) {
        List<AbstractInsnNode> calls = all(constructor);
        return calls.size() == 1 ? calls.get(0) : null;
    }

    private static List<AbstractInsnNode> all(MethodNode constructor) {
        List<AbstractInsnNode> calls = new ArrayList<>();
        int pendingNews = 0;
        for (AbstractInsnNode node = constructor.instructions.getFirst(); node != null; node = node.getNext()) {
            if (node.getOpcode() == Opcodes.NEW) {
                pendingNews++;
            } else if (node.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) node).name)) {
                if (pendingNews == 0) {
                    calls.add(node);
                } else {
                    pendingNews--;
                }
            }
        }
        return calls;
    }
}

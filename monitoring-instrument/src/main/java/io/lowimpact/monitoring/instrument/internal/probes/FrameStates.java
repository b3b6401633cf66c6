package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.Arrays;

/**
 * The types of locals and stack before each original instruction of a method, worked out from its stack map
 * frames by ASM's {@link AnalyzerAdapter} (no class hierarchy needed: the frames give every merge), so that probe
 * code can carry exact stack map frames at its own branch targets. Every frame made here also declares the local
 * that holds the class's mask array, at index {@link #arrayLocal}, if the method has one; {@link #addArrayLocal}
 * adds it to the method's own frames.
 *
 * <p>Types are kept one entry per slot (a {@code long} is {@code LONG, TOP}) and turned into ASM's frame form
 * (one entry per value) when a {@link FrameNode} is made.
 */
final class FrameStates {

    static final String MASKS_TYPE = "[B";

    /** By original instruction index: the local and stack types before it, or null where not kept or unreachable. */
    private final Object[][] locals;
    private final Object[][] stacks;
    private final int arrayLocal;

    private FrameStates(int arrayLocal, int instructions) {
        this.arrayLocal = arrayLocal;
        this.locals = new Object[instructions][];
        this.stacks = new Object[instructions][];
    }

    /**
     * Analyses a method before any probe is inserted.
     *
     * @param owner the class's internal name
     * @param method the method, read with expanded frames
     * @param arrayLocal the index of the mask array's local (the method's original {@code maxLocals}), or
     *        {@link MethodProbes#NO_ARRAY} for none
     * @param needed by original instruction index, whether probe code may ask for the state before it; the others
     *        are not kept (and count as unreachable): most instructions never get a probe
     * @return the states
     */
    static FrameStates analyse(String owner, MethodNode method, int arrayLocal, boolean[] needed) {
        FrameStates states = new FrameStates(arrayLocal, needed.length);
        labelEveryNew(method);
        method.accept(new Recorder(owner, method, needed, states));
        for (AbstractInsnNode node = method.instructions.getFirst(); node != null; node = node.getNext()) {
            if (node instanceof LabelNode) {
                // The analyser names an uninitialised value by the label before its `new`; frames need the node.
                ((LabelNode) node).getLabel().info = node;
            }
        }
        return states;
    }

    /**
     * Puts a label before every {@code new} that has none since the previous instruction: the analyser names an
     * uninitialised value by such a label, and frames can only name labels of the method.
     */
    private static void labelEveryNew(MethodNode method) {
        for (AbstractInsnNode node = method.instructions.getFirst(); node != null; node = node.getNext()) {
            if (node.getOpcode() == Opcodes.NEW) {
                boolean labelled = false;
                for (AbstractInsnNode p = node.getPrevious(); p != null && p.getOpcode() < 0; p = p.getPrevious()) {
                    labelled |= p instanceof LabelNode;
                }
                if (!labelled) {
                    method.instructions.insertBefore(node, new LabelNode());
                }
            }
        }
    }

    /**
     * @param index an original instruction's index
     * @return whether the instruction is reachable (the analyser knows its state); false if its state is not kept
     */
    boolean reachable(int index) {
        return locals[index] != null;
    }

    /** @return the local types before the {@code index}-th original instruction, one per slot; not to be changed */
    Object[] locals(int index) {
        return locals[index];
    }

    /** @return the stack types before the {@code index}-th original instruction, one per slot, top last; not to be
     *     changed */
    Object[] stack(int index) {
        return stacks[index];
    }

    /** @return the frame before the {@code index}-th original instruction, with the mask array's local */
    FrameNode before(int index) {
        return frame(locals[index], stacks[index]);
    }

    /** @return the frame before the {@code index}-th original instruction once its {@code slots} top stack slots are
     *     popped */
    FrameNode beforePopping(int index, int slots) {
        Object[] stack = stacks[index];
        return frame(locals[index], stack, stack.length - slots);
    }

    /**
     * Makes a frame.
     *
     * @param localSlots local types, one per slot; slots past the mask array's local are kept, slots before it
     *        padded with TOP, and the mask array's own slot is set
     * @param stackSlots stack types, one per slot
     * @return the frame
     */
    FrameNode frame(Object[] localSlots, Object[] stackSlots) {
        return frame(localSlots, stackSlots, stackSlots.length);
    }

    /**
     * Makes a frame whose lists are fixed-size (they are only read and renamed, never grown): the types are written
     * once, in the form the frame keeps, one entry per value.
     */
    private FrameNode frame(Object[] localSlots, Object[] stackSlots, int stackLength) {
        int localLength = Math.max(localSlots.length, arrayLocal + 1);
        Object[] locals = new Object[values(localSlots, localLength, true)];
        fill(locals, localSlots, localLength, true);
        Object[] stack = new Object[values(stackSlots, stackLength, false)];
        fill(stack, stackSlots, stackLength, false);
        return new Frame(locals, stack);
    }

    /**
     * A frame made here: its lists are views of its arrays, which the writer is given as they are (a FrameNode copies
     * its lists into new arrays at each write), labels of the method turned into the writer's labels first.
     */
    private static final class Frame extends FrameNode {

        private final Object[] localArray;
        private final Object[] stackArray;

        Frame(Object[] locals, Object[] stack) {
            super(Opcodes.F_SAME, 0, null, 0, null); // the one frame type for which FrameNode makes no lists
            type = Opcodes.F_NEW;
            localArray = locals;
            stackArray = stack;
            local = Arrays.asList(locals);
            this.stack = Arrays.asList(stack);
        }

        @Override
        public void accept(MethodVisitor methodVisitor) {
            methodVisitor.visitFrame(Opcodes.F_NEW, localArray.length, labels(localArray), stackArray.length,
                    labels(stackArray));
        }

        private static Object[] labels(Object[] types) {
            Object[] result = types;
            for (int i = 0; i < types.length; i++) {
                if (types[i] instanceof LabelNode) {
                    if (result == types) {
                        result = types.clone();
                    }
                    result[i] = ((LabelNode) types[i]).getLabel();
                }
            }
            return result;
        }
    }

    /**
     * The type in slot {@code i} of {@code length} slots: as given, TOP past the given ones, and for locals the mask
     * array's type in its own slot.
     */
    private Object slot(Object[] slots, int i, boolean locals) {
        if (locals && i == arrayLocal) {
            return MASKS_TYPE;
        }
        return i < slots.length ? slots[i] : Opcodes.TOP;
    }

    /** How many values {@code length} slots hold: a long or double takes two slots, its second implied. */
    private int values(Object[] slots, int length, boolean locals) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            Object type = slot(slots, i, locals);
            n++;
            if (Opcodes.LONG.equals(type) || Opcodes.DOUBLE.equals(type)) {
                i++; // the second slot is implied
            }
        }
        return n;
    }

    /** From one entry per slot to one entry per value, labels of the analysis to the method's label nodes. */
    private void fill(Object[] values, Object[] slots, int length, boolean locals) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            Object type = slot(slots, i, locals);
            if (type instanceof Label) {
                Object node = ((Label) type).info;
                if (!(node instanceof LabelNode)) {
                    throw new IllegalStateException("uninitialised value named by a label outside the method");
                }
                type = node;
            }
            values[n++] = type;
            if (Opcodes.LONG.equals(type) || Opcodes.DOUBLE.equals(type)) {
                i++; // the second slot is implied
            }
        }
    }

    /**
     * Adds the mask array's local to one of the method's own frames (expanded form, one entry per value).
     *
     * @param frame an original frame of the method
     */
    void addArrayLocal(FrameNode frame) {
        if (arrayLocal == MethodProbes.NO_ARRAY) {
            return;
        }
        int slots = 0;
        for (Object type : frame.local) {
            slots += Opcodes.LONG.equals(type) || Opcodes.DOUBLE.equals(type) ? 2 : 1;
        }
        while (slots < arrayLocal) {
            frame.local.add(Opcodes.TOP);
            slots++;
        }
        frame.local.add(MASKS_TYPE);
    }

    /** Records the analyser's state before each original instruction, in code order. */
    private static final class Recorder extends AnalyzerAdapter {

        private final boolean[] needed;
        private final FrameStates states;
        private int next;
        /**
         * The labels since the previous instruction. The analyser reads them only at a {@code new} (they name the
         * value it pushes), so they are handed to it there only, sparing it a list per label.
         */
        private Label[] labels = new Label[4];
        private int labelCount;

        Recorder(String owner, MethodNode method, boolean[] needed, FrameStates states) {
            super(Opcodes.ASM9, owner, method.access, method.name, method.desc, null);
            this.needed = needed;
            this.states = states;
        }

        private void record() {
            int index = next++;
            if (needed[index] && locals != null) {
                states.locals[index] = locals.toArray();
                states.stacks[index] = stack.toArray();
            }
            labelCount = 0;
        }

        @Override
        public void visitLabel(Label label) {
            if (labelCount == labels.length) {
                labels = Arrays.copyOf(labels, labelCount * 2);
            }
            labels[labelCount++] = label;
        }

        @Override
        public void visitInsn(int opcode) {
            record();
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            record();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            record();
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW) {
                for (int i = 0; i < labelCount; i++) {
                    super.visitLabel(labels[i]);
                }
            }
            record();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            record();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            record();
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            record();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            record();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            record();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            record();
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            record();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            record();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            record();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }
    }
}

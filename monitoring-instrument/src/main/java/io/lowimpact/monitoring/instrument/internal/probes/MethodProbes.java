package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Inserts the probes of a {@link MethodPlan} into one method. Every probe is stack-neutral straight-line code
 * placed after the labels, line numbers and frames of the instruction it belongs to, so existing stack map
 * frames stay valid. The only new control flow are exception handlers, placed after the original code: the
 * innermost one around each call to code that is not instrumented (EXTERNAL_RAISE), whose rethrow is covered by
 * copies of the original handlers around the call (its frame has their locals, see {@link HandlerFrames}), and one
 * catch-all around the body (METHOD_UNWIND), outermost, whose frame declares nothing but the exception.
 *
 * <p>In a constructor, code before the {@code super(...)}/{@code this(...)} call has frames with an uninitialised
 * {@code this}: it gets a METHOD_UNWIND handler of its own whose frame says so, and no EXTERNAL_RAISE handlers. The
 * call itself is covered by no handler (see {@link #run}): an exception from the super constructor itself gives
 * neither EXTERNAL_RAISE nor METHOD_UNWIND in this constructor.
 */
final class MethodProbes {

    private final OffsetMethodNode method;
    private final MethodPlan plan;
    private final boolean frames;
    private final Offsets offsets;
    /** Handler code placed after the original code, inside the METHOD_UNWIND range. */
    private final InsnList tail = new InsnList();
    private final List<TryCatchBlockNode> innerHandlers = new ArrayList<>();
    private final NewLabels newLabels = new NewLabels();
    private final List<TryCatchBlockNode> originalHandlers;
    private int nextLocal;

    private MethodProbes(OffsetMethodNode method, MethodPlan plan, boolean frames) {
        this.method = method;
        this.plan = plan;
        this.frames = frames;
        this.offsets = new Offsets(method);
        this.nextLocal = method.maxLocals;
        this.originalHandlers = List.copyOf(method.tryCatchBlocks);
    }

    /**
     * Rewrites {@code method} in place.
     *
     * @param method a method with code, read with expanded frames
     * @param plan what to insert
     * @param frames whether the class file has stack map frames (version 50 and later)
     */
    static void insert(OffsetMethodNode method, MethodPlan plan, boolean frames) {
        new MethodProbes(method, plan, frames).run();
    }

    private void run() {
        List<AbstractInsnNode> originals = offsets.instructions();
        Set<Integer> handlerStarts = new HashSet<>();
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            handlerStarts.add(offsets.of(block.handler));
        }
        AbstractInsnNode superCall = "<init>".equals(method.name) ? SuperCall.find(method) : null;
        boolean initialised = !"<init>".equals(method.name);
        for (AbstractInsnNode insn : originals) {
            int offset = offsets.of(insn);
            InsnList before = new InsnList();
            if (plan.wants(Event.EXCEPTION_HANDLED) && handlerStarts.contains(offset)) {
                before.add(new InsnNode(Opcodes.DUP)); // stack: exception, exception
                before.add(ProbeInsns.probe(plan.unitId(), Event.EXCEPTION_HANDLED, offset, -1, "(Ljava/lang/Throwable;)V"));
            }
            Integer line = plan.linePoints().get(offset);
            if (line != null && plan.wants(Event.LINE)) {
                before.add(ProbeInsns.probe(plan.unitId(), Event.LINE, offset, -1, "()V"));
            }
            if (plan.wants(Event.INSTRUCTION)) {
                before.add(ProbeInsns.probe(plan.unitId(), Event.INSTRUCTION, offset, -1, "()V"));
            }
            ownEvent(insn, offset, before, initialised);
            if (NewLabels.isNew(insn) && before.size() > 0) {
                newLabels.insertBefore(method.instructions, insn, before);
            } else {
                method.instructions.insertBefore(insn, before);
            }
            if (insn == superCall) {
                initialised = true;
            }
        }
        if (plan.wants(Event.METHOD_START)) {
            method.instructions.insert(ProbeInsns.probe(plan.unitId(), Event.METHOD_START, 0, -1, "()V"));
        }
        LabelNode bodyStart = new LabelNode();
        if (superCall != null) {
            method.instructions.insert(superCall, bodyStart);
        } else if (initialised) {
            method.instructions.insert(bodyStart);
        }
        method.instructions.add(tail);
        method.tryCatchBlocks.addAll(0, innerHandlers);
        if (plan.wants(Event.METHOD_UNWIND) && (superCall != null || !"<init>".equals(method.name))) {
            LabelNode end = new LabelNode();
            method.instructions.add(end);
            addUnwindHandler(bodyStart, end, new Object[0]);
            if (superCall != null && frames) {
                // Before the super(...)/this(...) call, `this` is uninitialised: a handler there must say so in its
                // frame and may only throw. The call itself stays uncovered: after it `this` is initialised, and
                // HotSpot checks a handler of the call against both states, which no frame satisfies.
                LabelNode codeStart = new LabelNode();
                method.instructions.insert(codeStart);
                LabelNode superStart = new LabelNode();
                method.instructions.insertBefore(superCall, superStart);
                addUnwindHandler(codeStart, superStart, new Object[] {Opcodes.UNINITIALIZED_THIS});
            }
        }
        newLabels.fixFrames(method.instructions);
    }

    private void ownEvent(AbstractInsnNode insn, int offset, InsnList before, boolean initialised) {
        int opcode = insn.getOpcode();
        if (insn instanceof JumpInsnNode) {
            int to = offsets.of(((JumpInsnNode) insn).label);
            if (opcode == Opcodes.GOTO) {
                if (plan.wants(Event.JUMP)) {
                    before.add(ProbeInsns.probe(plan.unitId(), Event.JUMP, offset, to, "()V"));
                }
            } else if (opcode != Opcodes.JSR && wantsBranches()) {
                conditional(opcode, offset, before);
            }
        } else if (insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode) {
            int[] cases = switchCases(insn);
            if (wantsBranches() && cases.length > 0) { // a switch whose cases all go to the default is no branch
                before.add(new InsnNode(Opcodes.DUP)); // stack: key, key
                before.add(ProbeInsns.branch(plan.unitId(), offset, opcode, "(I)V", cases));
            }
        } else if (opcode == Opcodes.ATHROW) {
            Event<?> event = plan.reraises().contains(offset) ? Event.RERAISE : Event.RAISE;
            if (plan.wants(event)) {
                before.add(new InsnNode(Opcodes.DUP)); // stack: exception, exception
                before.add(ProbeInsns.probe(plan.unitId(), event, offset, -1, "(Ljava/lang/Throwable;)V"));
            }
        } else if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (plan.wants(Event.METHOD_RETURN)) {
                Type type = Type.getReturnType(method.desc);
                if (type.getSort() != Type.VOID) {
                    before.add(ProbeInsns.dup(type)); // stack: value, value
                }
                String descriptor = type.getSort() == Type.VOID ? "()V" : ProbeInsns.takes(type);
                before.add(ProbeInsns.probe(plan.unitId(), Event.METHOD_RETURN, offset, -1, descriptor));
            }
        } else if (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode) {
            if (plan.wants(Event.CALL)) {
                new CallProbe(this, insn, offset, initialised).insert(before);
            }
        }
    }

    private boolean wantsBranches() {
        return plan.wants(Event.BRANCH_LEFT) || plan.wants(Event.BRANCH_RIGHT);
    }

    private void conditional(int opcode, int offset, InsnList before) {
        String descriptor;
        if (opcode >= Opcodes.IFEQ && opcode <= Opcodes.IFLE) {
            before.add(new InsnNode(Opcodes.DUP)); // stack: value, value
            descriptor = "(I)V";
        } else if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ICMPLE) {
            before.add(new InsnNode(Opcodes.DUP2)); // stack: a, b, a, b
            descriptor = "(II)V";
        } else if (opcode == Opcodes.IF_ACMPEQ || opcode == Opcodes.IF_ACMPNE) {
            before.add(new InsnNode(Opcodes.DUP2)); // stack: a, b, a, b
            descriptor = "(Ljava/lang/Object;Ljava/lang/Object;)V";
        } else {
            before.add(new InsnNode(Opcodes.DUP)); // IFNULL, IFNONNULL; stack: ref, ref
            descriptor = "(Ljava/lang/Object;)V";
        }
        before.add(ProbeInsns.branch(plan.unitId(), offset, opcode, descriptor, new int[0]));
    }

    /** Pairs of case key and target offset, keys ascending; cases that go to the default are left out. */
    private int[] switchCases(AbstractInsnNode insn) {
        List<Integer> keys = new ArrayList<>();
        List<LabelNode> labels;
        LabelNode dflt;
        if (insn instanceof TableSwitchInsnNode) {
            TableSwitchInsnNode table = (TableSwitchInsnNode) insn;
            for (int k = table.min; k <= table.max; k++) {
                keys.add(k);
            }
            labels = table.labels;
            dflt = table.dflt;
        } else {
            LookupSwitchInsnNode lookup = (LookupSwitchInsnNode) insn;
            keys.addAll(lookup.keys);
            labels = lookup.labels;
            dflt = lookup.dflt;
        }
        int defaultOffset = offsets.of(dflt);
        List<Integer> pairs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int target = offsets.of(labels.get(i));
            if (target != defaultOffset) {
                pairs.add(keys.get(i));
                pairs.add(target);
            }
        }
        return pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A catch-all over {@code [start, end)} that fires METHOD_UNWIND and rethrows; its frame has {@code locals}. */
    private void addUnwindHandler(LabelNode start, LabelNode end, Object[] locals) {
        LabelNode handler = new LabelNode();
        method.instructions.add(handler);
        if (frames) {
            method.instructions.add(new FrameNode(Opcodes.F_NEW, locals.length, locals, 1,
                    new Object[] {"java/lang/Throwable"}));
        }
        method.instructions.add(new InsnNode(Opcodes.DUP)); // stack: exception, exception
        method.instructions.add(ProbeInsns.probe(plan.unitId(), Event.METHOD_UNWIND, 0, -1, "(Ljava/lang/Throwable;)V"));
        method.instructions.add(new InsnNode(Opcodes.ATHROW));
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    // ---- for CallProbe -----------------------------------------------------------------------------------

    MethodPlan plan() {
        return plan;
    }

    boolean frames() {
        return frames;
    }

    int newLocal(Type type) {
        int local = nextLocal;
        nextLocal += type.getSize();
        return local;
    }

    void addTail(InsnList code) {
        tail.add(code);
    }

    /** @return the original handlers that cover the instruction at {@code offset}, in table order */
    List<TryCatchBlockNode> coveringHandlers(int offset) {
        return HandlerFrames.covering(originalHandlers, offsets, offset);
    }

    void addInnerHandler(TryCatchBlockNode block) {
        innerHandlers.add(block);
    }

    InsnList instructions() {
        return method.instructions;
    }
}

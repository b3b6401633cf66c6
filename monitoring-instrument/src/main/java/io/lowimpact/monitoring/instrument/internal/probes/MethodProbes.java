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
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts the probes of a {@link MethodPlan} into one method. The method first loads its class's mask array into
 * a fresh local ({@link ProbeFetch}); each probe then tests its slot's byte and calls the runtime only when some
 * tool wants the event there:
 * <pre>
 *   aload masks; push slot; baload; ifeq skip; [value]; push classId; push slot; invokestatic Bootstrap.fire; skip:
 * </pre>
 * (one {@link ProbeNode} in the method's instruction list, which the writer sees as those instructions). Probes of an
 * instruction go after its labels, line number and frame, so that jumps to it run them. Branch edges are probed on
 * the edge, not on the branch ({@link ConditionalProbe}, {@link SwitchProbe}), as JaCoCo does: an edge that runs
 * costs its test; an edge that never runs costs nothing. The stack map frames at the new branch targets come from
 * {@link FrameStates}. Where lines and edges are stores (deferred events), an edge that is the one way into a line
 * point gets no probe: the line's store implies it ({@link #implied}).
 *
 * <p>The only other new control flow are exception handlers, placed after the original code: the innermost one
 * around each call to code that is not instrumented (EXTERNAL_RAISE, see {@link CallProbe}), and one catch-all around
 * the body (METHOD_UNWIND), outermost. In a constructor, code before the {@code super(...)}/{@code this(...)} call has
 * frames with an uninitialised {@code this}: it gets a METHOD_UNWIND handler of its own whose frame says so, and no
 * EXTERNAL_RAISE handlers; the call itself is covered by no handler.
 *
 * <p>A handler whose own range covers its first instruction (javac's code for {@code synchronized}) keeps the probes
 * at its start out of that range: C1 refuses to compile a handler block that its own handler covers.
 */
final class MethodProbes {

    /**
     * The most that probe code other than a call's pushes on top of the stack it finds: a return value copied
     * ({@code dup2} of a long), the class id and the slot. Added to the method's own maximum, as JaCoCo does with its
     * probes' size: the stack is never deeper than that, and ASM need not work out the maximum from the flow graph.
     */
    static final int PROBE_STACK = 4;
    /** {@link #arrayLocal} of a method with no mask array local. */
    static final int NO_ARRAY = -1;

    private final String owner;
    private final OffsetMethodNode method;
    private final MethodPlan plan;
    private final boolean frames;
    private final Offsets offsets;
    private final ProbeFetch fetch;
    /** Which events' probes are stores or increments here. */
    private final ProbeForms forms;
    /** The mask array's local, or {@link #NO_ARRAY} in a method whose probes are all stores. */
    private final int arrayLocal;
    private final Slots slots;
    private final List<AbstractInsnNode> originals;
    private FrameStates states;
    /**
     * The ways into each instruction, where an edge may need no probe of its own (its destination a line point only it
     * leads to, lines and the edge's event both stores); else null.
     */
    private Entries entries;
    /** Handler code placed after the original code, inside the METHOD_UNWIND range. */
    private final InsnList tail = new InsnList();
    private final List<TryCatchBlockNode> innerHandlers = new ArrayList<>();
    private final NewLabels newLabels = new NewLabels();
    private final List<TryCatchBlockNode> originalHandlers;
    /**
     * Handler starts that got probes, by offset: the label after those probes, before the original instruction; made
     * at the first such handler.
     */
    private Map<Integer, LabelNode> afterHandlerProbes;
    private int nextLocal;

    private MethodProbes(String owner, OffsetMethodNode method, MethodPlan plan, boolean frames, ProbeFetch fetch) {
        this.owner = owner;
        this.method = method;
        this.plan = plan;
        this.frames = frames;
        this.fetch = fetch;
        this.offsets = new Offsets(method);
        this.originals = offsets.instructions();
        this.forms = new ProbeForms(plan, fetch);
        // A method whose probes are all stores never reads the mask array: it neither fetches it nor keeps a local.
        this.arrayLocal = forms.noTests ? NO_ARRAY : method.maxLocals;
        this.nextLocal = method.maxLocals + (forms.noTests ? 0 : 1);
        this.slots = new Slots(plan.unitIndex());
        this.originalHandlers = List.copyOf(method.tryCatchBlocks);
    }

    /**
     * Rewrites {@code method} in place.
     *
     * @param owner the class's internal name
     * @param method a method with code, read with expanded frames
     * @param plan what to insert
     * @param frames whether to write stack map frames (class file version 50 and later, and no subroutines)
     * @param fetch how the method loads its class's mask array
     * @return the slots the probes ask for, to be {@linkplain Slots#patch patched} once allocated
     */
    static Slots insert(String owner, OffsetMethodNode method, MethodPlan plan, boolean frames, ProbeFetch fetch) {
        MethodProbes probes = new MethodProbes(owner, method, plan, frames, fetch);
        probes.run();
        return probes.slots;
    }

    private void run() {
        LabelNode firstFramed = framedLabelBefore(originals.get(0));
        List<FrameNode> originalFrames = new ArrayList<>();
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof FrameNode) {
                originalFrames.add((FrameNode) n);
            }
        }
        int[] handlerStarts = new int[method.tryCatchBlocks.size()]; // sorted, for isHandlerStart
        for (int i = 0; i < handlerStarts.length; i++) {
            handlerStarts[i] = offsets.of(method.tryCatchBlocks.get(i).handler);
        }
        Arrays.sort(handlerStarts);
        if (frames) {
            states = FrameStates.analyse(owner, method, arrayLocal,
                    NeededStates.of(originals, offsets, plan, handlerStarts));
            if (plan.wants(Event.LINE) && forms.isHitStore(Event.LINE)
                    && (forms.isHitStore(Event.BRANCH_LEFT) || forms.isHitStore(Event.BRANCH_RIGHT))) {
                entries = Entries.of(originals, method.tryCatchBlocks, offsets);
            }
        }
        AbstractInsnNode superCall = "<init>".equals(method.name) ? SuperCall.find(method) : null;
        boolean initialised = !"<init>".equals(method.name);
        InsnList before = new InsnList(); // each instruction's probes; inserting them empties it
        for (int i = 0; i < originals.size(); i++) {
            AbstractInsnNode insn = originals.get(i);
            if (frames && !states.reachable(i)) {
                continue; // dead code: no probe can run here
            }
            int offset = offsets.at(i);
            boolean handlerStart = Arrays.binarySearch(handlerStarts, offset) >= 0;
            if (plan.wants(Event.EXCEPTION_HANDLED) && handlerStart) {
                probe(before, Event.EXCEPTION_HANDLED, offset, -1, new InsnNode(Opcodes.DUP),
                        ProbeInsns.fire(ProbeInsns.THROWABLE), i); // value: exception
            }
            if (plan.wants(Event.LINE) && plan.isLinePoint(offset)) {
                probe(before, Event.LINE, offset, -1, null, ProbeInsns.fire(null), i);
            }
            if (plan.wants(Event.INSTRUCTION)) {
                probe(before, Event.INSTRUCTION, offset, -1, null, ProbeInsns.fire(null), i);
            }
            ownEventBefore(insn, offset, before, initialised, i);
            if (before.size() > 0) {
                if (handlerStart) {
                    LabelNode after = new LabelNode();
                    before.add(after);
                    if (afterHandlerProbes == null) {
                        afterHandlerProbes = new HashMap<>();
                    }
                    afterHandlerProbes.put(offset, after);
                }
                if (NewLabels.isNew(insn)) {
                    newLabels.insertBefore(method.instructions, insn, before);
                } else {
                    method.instructions.insertBefore(insn, before);
                }
            }
            if (wantsBranches()) {
                if (insn instanceof JumpInsnNode && insn.getOpcode() != Opcodes.GOTO && insn.getOpcode() != Opcodes.JSR) {
                    new ConditionalProbe(this, i, offset).insert();
                } else if (insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode) {
                    new SwitchProbe(this, insn, i, offset).insert();
                }
            }
            if (insn == superCall) {
                initialised = true;
            }
        }
        InsnList prologue = new InsnList();
        if (arrayLocal != NO_ARRAY) {
            prologue.add(fetch.load());
            prologue.add(new VarInsnNode(Opcodes.ASTORE, arrayLocal)); // stack: (empty)
        }
        LabelNode bodyStart = new LabelNode();
        if (initialised && superCall == null) {
            prologue.add(bodyStart);
        }
        LabelNode codeStart = new LabelNode();
        prologue.add(codeStart);
        if (plan.wants(Event.METHOD_START)) {
            prologue.add(startProbe(firstFramed));
        }
        method.instructions.insert(prologue);
        if (superCall != null) {
            method.instructions.insert(superCall, bodyStart);
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
                LabelNode superStart = new LabelNode();
                method.instructions.insertBefore(superCall, superStart);
                addUnwindHandler(codeStart, superStart, new Object[] {Opcodes.UNINITIALIZED_THIS});
            }
        }
        if (frames) {
            for (FrameNode frame : originalFrames) {
                states.addArrayLocal(frame);
            }
        }
        splitSelfCoveringHandlers();
        newLabels.fixFrames(method.instructions);
        method.maxStack += PROBE_STACK;
        method.maxLocals = Math.max(method.maxLocals, nextLocal);
    }

    /**
     * Whether the maxima this class sets are exact enough to write as they are: they are for every probe but a call's
     * (which parks arguments and copies values), so a class with CALL probes needs ASM to compute its maxima.
     */
    static boolean setsMaxima(MethodPlan plan) {
        return !plan.wants(Event.CALL);
    }

    /** METHOD_START, after the prologue and before the first instruction's labels (a loop to offset 0 skips it). */
    private InsnList startProbe(LabelNode framed) {
        if (framed != null) {
            // The first instruction already has a frame: skip to it rather than put a second frame at one offset.
            InsnList code = new InsnList();
            probeTo(code, Event.METHOD_START, 0, -1, null, ProbeInsns.fire(null), framed);
            return code;
        }
        InsnList code = new InsnList();
        probe(code, Event.METHOD_START, 0, -1, null, ProbeInsns.fire(null), 0);
        return code;
    }

    private void ownEventBefore(AbstractInsnNode insn, int offset, InsnList before, boolean initialised, int index) {
        int opcode = insn.getOpcode();
        if (opcode == Opcodes.GOTO) {
            if (plan.wants(Event.JUMP)) {
                int to = offsets.of(((JumpInsnNode) insn).label);
                probe(before, Event.JUMP, offset, to, null, ProbeInsns.fire(null), index);
            }
        } else if (opcode == Opcodes.ATHROW) {
            Event<?> event = plan.isReraise(offset) ? Event.RERAISE : Event.RAISE;
            if (plan.wants(event)) {
                probe(before, event, offset, -1, new InsnNode(Opcodes.DUP), ProbeInsns.fire(ProbeInsns.THROWABLE),
                        index); // value: exception
            }
        } else if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (plan.wants(Event.METHOD_RETURN)) {
                Type type = Type.getReturnType(method.desc);
                boolean isVoid = type.getSort() == Type.VOID;
                AbstractInsnNode value = isVoid ? null : ProbeInsns.dup(type); // value: return value
                probe(before, Event.METHOD_RETURN, offset, -1, value, ProbeInsns.fire(isVoid ? null : type), index);
            }
        } else if (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode) {
            if (plan.wants(Event.CALL)) {
                new CallProbe(this, insn, index, offset, initialised).insert(before);
            }
        }
    }

    private boolean wantsBranches() {
        return plan.wants(Event.BRANCH_LEFT) || plan.wants(Event.BRANCH_RIGHT);
    }

    /**
     * Whether the edge from {@code from} to the {@code index}-th original instruction needs no probe, because the
     * line's store there says that it ran: both are stores, and the edge is the one way into a reachable line point.
     * If so, the edge gets its slot all the same, implied by the line's ({@link Slots#imply}).
     */
    boolean implied(Event<?> edge, int from, int index) {
        int to = offsets.at(index);
        if (entries == null || !forms.isHitStore(edge) || !entries.single(index) || !states.reachable(index)
                || !plan.isLinePoint(to)) {
            return false;
        }
        slots.imply(to, slots.push(edge, from, to));
        return true;
    }

    /**
     * A label at the offset of the {@code index}-th original instruction that carries a stack map frame (when frames
     * are written), made if needed: the target of a probe's test that skips to an original instruction.
     */
    LabelNode framedLabel(int index) {
        AbstractInsnNode insn = originals.get(index);
        LabelNode framed = framedLabelBefore(insn);
        if (framed != null) {
            return framed;
        }
        LabelNode label = new LabelNode();
        method.instructions.insertBefore(insn, label);
        if (frames) {
            method.instructions.insertBefore(insn, states.before(index));
        }
        return label;
    }

    /** The label of the frame right before {@code insn}, or null if it has none (or frames are not written). */
    private LabelNode framedLabelBefore(AbstractInsnNode insn) {
        boolean framed = !frames;
        for (AbstractInsnNode n = insn.getPrevious(); n != null && n.getOpcode() < 0; n = n.getPrevious()) {
            if (n instanceof FrameNode) {
                framed = true;
            } else if (n instanceof LabelNode && framed) {
                return (LabelNode) n;
            }
        }
        return null;
    }

    /** Keeps probes at a handler's start out of the handler's own range (see the class comment). */
    private void splitSelfCoveringHandlers() {
        if (afterHandlerProbes == null) {
            return; // no handler start got probes
        }
        List<TryCatchBlockNode> blocks = method.tryCatchBlocks;
        for (int i = 0; i < blocks.size(); i++) {
            TryCatchBlockNode block = blocks.get(i);
            if (!originalHandlers.contains(block)) {
                continue;
            }
            int start = offsets.of(block.start);
            int end = offsets.of(block.end);
            int handler = offsets.of(block.handler);
            LabelNode after = afterHandlerProbes.get(handler);
            if (after == null || handler < start || (handler >= end && end != -1)) {
                continue;
            }
            blocks.set(i, new TryCatchBlockNode(after, block.end, block.handler, block.type));
            if (start < handler) {
                blocks.add(i, new TryCatchBlockNode(block.start, block.handler, block.handler, block.type));
                i++;
            }
        }
    }

    /** A catch-all over {@code [start, end)} that fires METHOD_UNWIND and rethrows; its frame has {@code locals}. */
    private void addUnwindHandler(LabelNode start, LabelNode end, Object[] locals) {
        LabelNode handler = new LabelNode();
        InsnList code = new InsnList();
        code.add(handler);
        FrameNode frame = null;
        if (frames) {
            code.add(states.frame(locals, new Object[] {"java/lang/Throwable"}));
            frame = states.frame(locals, new Object[] {"java/lang/Throwable"});
        }
        probe(code, Event.METHOD_UNWIND, 0, -1, new InsnNode(Opcodes.DUP), ProbeInsns.fire(ProbeInsns.THROWABLE),
                frame); // value: exception
        code.add(new InsnNode(Opcodes.ATHROW));
        method.instructions.add(code);
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    // ---- probe code ---------------------------------------------------------------------------------------

    /**
     * Appends a probe before the {@code at}-th original instruction: test, then {@code value} and the call; the skip
     * label's frame is that instruction's.
     */
    void probe(InsnList into, Event<?> event, int offset, int to, AbstractInsnNode value, Fire fire, int at) {
        probe(into, event, offset, to, value, fire, frames ? states.before(at) : null);
    }

    /** Appends a probe whose own skip label gets {@code frame} (null when frames are not written). */
    void probe(InsnList into, Event<?> event, int offset, int to, AbstractInsnNode value, Fire fire,
            FrameNode frame) {
        if (value == null ? forms.isStore(event) : forms.isCount(event)) { // a count needs no value
            into.add(forms.node(event, slots.push(event, offset, to), fetch));
            return;
        }
        into.add(new ProbeNode(arrayLocal, slots.push(event, offset, to), null, value, fetch.classId, fire, frame));
    }

    /** Whether the event's probes here are stores or increments ({@link ProbeForms}): they fall through. */
    boolean isStore(Event<?> event) {
        return forms.isStore(event);
    }

    /**
     * Appends a probe whose test skips to {@code skip} ({@code aload masks; push slot; baload; ifeq skip}), then
     * {@code [value]; push classId; push slot; invokestatic fire} ({@code value} null for none); or, for a valueless
     * event that only deferring tools want, a store into the hit array, which the code after it must follow to
     * {@code skip}.
     */
    void probeTo(InsnList into, Event<?> event, int offset, int to, AbstractInsnNode value, Fire fire,
            LabelNode skip) {
        if (value == null && forms.isStore(event)) {
            // A store falls through to what follows it, which every caller makes the same place as `skip`.
            into.add(forms.node(event, slots.push(event, offset, to), fetch));
            return;
        }
        into.add(new ProbeNode(arrayLocal, slots.push(event, offset, to), skip, value, fetch.classId, fire, null));
    }

    // ---- for CallProbe and SwitchProbe ---------------------------------------------------------------------

    MethodPlan plan() {
        return plan;
    }

    boolean frames() {
        return frames;
    }

    FrameStates states() {
        return states;
    }

    Offsets offsets() {
        return offsets;
    }

    List<AbstractInsnNode> originals() {
        return originals;
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

package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The probes of one invoke instruction: CALL before it, with {@code arg0} (the receiver, else the first
 * argument, else none) brought to the top of the stack by parking the other arguments in fresh locals; and
 * for calls to code that is not instrumented, EXTERNAL_RETURN after it and EXTERNAL_RAISE in a handler around it,
 * whose rethrow is covered by copies of the original handlers around the call. The parking runs whenever the
 * class carries CALL probes; each event's call into the runtime only when its slot is on.
 */
final class CallProbe {

    private final MethodProbes probes;
    private final AbstractInsnNode insn;
    /** The call's index among the original instructions. */
    private final int index;
    private final int offset;
    private final boolean initialised;
    private final String owner;
    private final String name;
    private final String descriptor;
    private final int opcode;
    private boolean external;
    private boolean resolveReceiver;

    CallProbe(MethodProbes probes, AbstractInsnNode insn, int index, int offset, boolean initialised) {
        this.probes = probes;
        this.insn = insn;
        this.index = index;
        this.offset = offset;
        this.initialised = initialised;
        this.opcode = insn.getOpcode();
        if (insn instanceof MethodInsnNode) {
            MethodInsnNode call = (MethodInsnNode) insn;
            owner = call.owner;
            name = call.name;
            descriptor = call.desc;
        } else {
            InvokeDynamicInsnNode call = (InvokeDynamicInsnNode) insn;
            owner = call.bsm.getOwner();
            name = call.name;
            descriptor = call.desc;
        }
    }

    void insert(InsnList before) {
        MethodPlan plan = probes.plan();
        Type[] args = Type.getArgumentTypes(descriptor);
        boolean receiver = opcode != Opcodes.INVOKESTATIC && opcode != Opcodes.INVOKEDYNAMIC && !"<init>".equals(name);
        // The arguments above arg0 are parked in locals so that arg0 is on top of the stack.
        int firstParked = receiver ? 0 : 1;
        Type arg0 = receiver ? ProbeInsns.OBJECT : args.length > 0 ? args[0] : null;
        Object[] stack = probes.frames() ? probes.states().stack(index) : null;
        Object[] locals = probes.frames() ? probes.states().locals(index) : null;
        int top = stack == null ? 0 : stack.length;
        int[] parked = new int[args.length];
        List<Object> parkedSlots = new ArrayList<>();
        for (int i = args.length - 1; i >= firstParked; i--) {
            parked[i] = probes.newLocal(args[i]);
            before.add(ProbeInsns.store(args[i], parked[i]));
            top -= args[i].getSize();
            if (stack != null) {
                setSlot(parkedSlots, parked[i], stack[top], args[i].getSize());
            }
        }
        // A virtual or interface call may land in a class other than the one it names (an inherited JDK method, an
        // instrumented implementation of a JDK interface): the site resolves the receiver's method when it fires.
        boolean dispatched = (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) && !owner.startsWith("[");
        external = dispatched || owner.startsWith("[") || plan.external().test(owner); // arrays have no bytecode
        resolveReceiver = dispatched;
        int kept = -1;
        Object arg0Type = null;
        if (arg0 != null && stack != null) {
            arg0Type = stack[top - arg0.getSize()];
        }
        if (arg0 != null && external) {
            kept = probes.newLocal(arg0);
            before.add(ProbeInsns.dup(arg0)); // stack: ..., arg0, arg0
            before.add(ProbeInsns.store(arg0, kept)); // stack: ..., arg0
            if (stack != null) {
                setSlot(parkedSlots, kept, arg0Type, arg0.getSize());
            }
        }
        FrameNode frame = null;
        if (stack != null) {
            frame = probes.states().frame(withSlots(locals, parkedSlots), Arrays.copyOf(stack, top));
        }
        AbstractInsnNode value = arg0 != null ? ProbeInsns.dup(arg0) : null; // stack: ..., arg0, arg0
        probes.probe(before, Event.CALL, offset, -1, value, ProbeInsns.fire(arg0), frame);
        for (int i = firstParked; i < args.length; i++) {
            before.add(ProbeInsns.load(args[i], parked[i])); // stack: ..., arg0, args...
        }
        if (external) {
            external(before, arg0, kept, locals, parkedSlots, arg0Type);
        }
    }

    private void external(InsnList before, Type arg0, int kept, Object[] locals, List<Object> parkedSlots,
            Object arg0Type) {
        InsnList after = new InsnList();
        LabelNode end = new LabelNode();
        after.add(end);
        probes.probeTo(after, Event.EXTERNAL_RETURN, offset, -1, keptValue(arg0, kept), fire(arg0),
                probes.framedLabel(index + 1));
        probes.instructions().insert(insn, after);
        if (!initialised) {
            return; // no handler may cover code where `this` is not initialised yet
        }
        // The rethrow below lies after the original code: copies of the original handlers that cover the call
        // must cover it, and its frame must fit theirs (HandlerFrames), for the exception to go where it went.
        List<TryCatchBlockNode> covering = probes.coveringHandlers(offset);
        List<Object> slots = null;
        if (probes.frames()) {
            slots = HandlerFrames.locals(covering);
            if (slots == null) {
                return; // handlers whose frames disagree: no EXTERNAL_RAISE here rather than a changed program
            }
            if (arg0 != null) {
                setSlot(slots, kept, arg0Type, arg0.getSize());
            }
        }
        LabelNode start = new LabelNode();
        before.add(start);
        LabelNode handler = new LabelNode();
        InsnList code = new InsnList();
        code.add(handler);
        FrameNode frame = null;
        if (slots != null) {
            Object[] stack = {"java/lang/Throwable"};
            code.add(probes.states().frame(slots.toArray(), stack));
            frame = probes.states().frame(slots.toArray(), stack);
        }
        probes.probe(code, Event.EXTERNAL_RAISE, offset, -1, keptValue(arg0, kept), fire(arg0), frame);
        code.add(new InsnNode(Opcodes.ATHROW)); // stack: exception
        LabelNode codeEnd = new LabelNode();
        code.add(codeEnd);
        probes.addTail(code);
        probes.addInnerHandler(new TryCatchBlockNode(start, end, handler, null));
        for (TryCatchBlockNode block : covering) {
            probes.addInnerHandler(new TryCatchBlockNode(handler, codeEnd, block.handler, block.type));
        }
    }

    /** @return the load of the kept {@code arg0} (stack: ..., arg0), or null without one */
    private static AbstractInsnNode keptValue(Type arg0, int kept) {
        return arg0 != null ? ProbeInsns.load(arg0, kept) : null;
    }

    private Fire fire(Type arg0) {
        return resolveReceiver ? ProbeInsns.fireExternal() : ProbeInsns.fire(arg0);
    }

    /** Sets local {@code index} (and the slot after it for a wide value) in a list of slot types. */
    private static void setSlot(List<Object> slots, int index, Object type, int size) {
        while (slots.size() < index + size) {
            slots.add(Opcodes.TOP);
        }
        slots.set(index, type);
        if (size == 2) {
            slots.set(index + 1, Opcodes.TOP);
        }
    }

    /** The method's locals with the parked ones set over them. */
    private static Object[] withSlots(Object[] locals, List<Object> parkedSlots) {
        Object[] slots = Arrays.copyOf(locals, Math.max(locals.length, parkedSlots.size()));
        for (int i = locals.length; i < slots.length; i++) {
            slots[i] = Opcodes.TOP;
        }
        for (int i = locals.length; i < parkedSlots.size(); i++) {
            slots[i] = parkedSlots.get(i);
        }
        return slots;
    }
}

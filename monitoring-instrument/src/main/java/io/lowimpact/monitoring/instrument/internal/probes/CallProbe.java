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

import java.util.List;

/**
 * The probes of one invoke instruction: CALL before it, with {@code arg0} (the receiver, else the first
 * argument, else none) brought to the top of the stack by parking the other arguments in fresh locals; and
 * for calls to code that is not instrumented, EXTERNAL_RETURN after it and EXTERNAL_RAISE in a handler around it,
 * whose rethrow is covered by copies of the original handlers around the call.
 */
final class CallProbe {

    private final MethodProbes probes;
    private final AbstractInsnNode insn;
    private final int offset;
    private final boolean initialised;
    private final String owner;
    private final String name;
    private final String descriptor;
    private final int opcode;
    private boolean external;
    private boolean resolveReceiver;

    CallProbe(MethodProbes probes, AbstractInsnNode insn, int offset, boolean initialised) {
        this.probes = probes;
        this.insn = insn;
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
        Type arg0 = receiver ? Type.getType(Object.class) : args.length > 0 ? args[0] : null;
        int[] parked = new int[args.length];
        for (int i = args.length - 1; i >= firstParked; i--) {
            parked[i] = probes.newLocal(args[i]);
            before.add(ProbeInsns.store(args[i], parked[i]));
        }
        // A virtual or interface call may land in a class other than the one it names (an inherited JDK method, an
        // instrumented implementation of a JDK interface): the site resolves the receiver's method when it fires.
        boolean dispatched = (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) && !owner.startsWith("[");
        external = dispatched || owner.startsWith("[") || plan.external().test(owner); // arrays have no bytecode
        resolveReceiver = dispatched;
        int kept = -1;
        if (arg0 != null) {
            before.add(ProbeInsns.dup(arg0)); // stack: ..., arg0, arg0
            if (external) {
                kept = probes.newLocal(arg0);
                before.add(ProbeInsns.dup(arg0)); // stack: ..., arg0, arg0, arg0
                before.add(ProbeInsns.store(arg0, kept));
            }
            before.add(ProbeInsns.probe(plan.unitId(), Event.CALL, offset, -1, ProbeInsns.takes(arg0)));
        } else {
            before.add(ProbeInsns.probe(plan.unitId(), Event.CALL, offset, -1, "()V"));
        }
        for (int i = firstParked; i < args.length; i++) {
            before.add(ProbeInsns.load(args[i], parked[i])); // stack: ..., arg0, args...
        }
        if (external) {
            external(before, arg0, kept);
        }
    }

    private void external(InsnList before, Type arg0, int kept) {
        MethodPlan plan = probes.plan();
        String takes = arg0 == null ? "()V" : ProbeInsns.takes(arg0);
        InsnList after = new InsnList();
        LabelNode end = new LabelNode();
        after.add(end);
        if (arg0 != null) {
            after.add(ProbeInsns.load(arg0, kept));
        }
        after.add(ProbeInsns.external(plan.unitId(), Event.EXTERNAL_RETURN, offset, takes, resolveReceiver));
        probes.instructions().insert(insn, after);
        if (!initialised) {
            return; // no handler may cover code where `this` is not initialised yet
        }
        // The rethrow below lies after the original code: copies of the original handlers that cover the call
        // must cover it, and its frame must fit theirs (HandlerFrames), for the exception to go where it went.
        List<TryCatchBlockNode> covering = probes.coveringHandlers(offset);
        List<Object> slots = HandlerFrames.locals(covering);
        if (slots == null) {
            return; // handlers whose frames disagree: no EXTERNAL_RAISE here rather than a changed program
        }
        LabelNode start = new LabelNode();
        before.add(start);
        LabelNode handler = new LabelNode();
        InsnList code = new InsnList();
        code.add(handler);
        if (probes.frames()) {
            if (arg0 != null) {
                while (slots.size() < kept + arg0.getSize()) {
                    slots.add(Opcodes.TOP);
                }
                slots.set(kept, ProbeInsns.frameType(arg0));
            }
            Object[] locals = HandlerFrames.frameLocals(slots);
            code.add(new FrameNode(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"}));
        }
        if (arg0 != null) {
            code.add(ProbeInsns.load(arg0, kept)); // stack: exception, arg0
        }
        code.add(ProbeInsns.external(plan.unitId(), Event.EXTERNAL_RAISE, offset, takes, resolveReceiver));
        code.add(new InsnNode(Opcodes.ATHROW)); // stack: exception
        LabelNode codeEnd = new LabelNode();
        code.add(codeEnd);
        probes.addTail(code);
        probes.addInnerHandler(new TryCatchBlockNode(start, end, handler, null));
        for (TryCatchBlockNode block : covering) {
            probes.addInnerHandler(new TryCatchBlockNode(handler, codeEnd, block.handler, block.type));
        }
    }
}

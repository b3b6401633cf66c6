package io.lowimpact.monitoring.instrument.internal.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.core.internal.Control;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * The probe inserter, instruction by instruction (as JaCoCo's {@code ProbeInserterTest} checks its own): small
 * methods written with ASM, rewritten, printed with ASM's {@link Textifier} and compared whole. Each result is also
 * checked by ASM's verifier and loaded, so that the JVM's verifier checks it too. Slots are numbered by a fake
 * allocator in the order the inserter asks for them; the class id is 7.
 */
class MethodProbesTest {

    private static final String OWNER = "p/Target";
    private static final int CLASS_ID = 7;

    /**
     * A line point at a {@code new} whose object is still uninitialised at a branch: the probe goes before the
     * label that frames use to name the new object, and the edge probes' frames name that label.
     */
    @Test
    void labelBeforeNew() {
        String text = rewrite("make", "(I)Ljava/lang/Object;",
                events(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT), Map.of(0, 5), mv -> {
                    Label created = new Label();
                    Label zero = new Label();
                    Label call = new Label();
                    mv.visitLabel(created);
                    mv.visitTypeInsn(Opcodes.NEW, "java/lang/Integer");
                    mv.visitInsn(Opcodes.DUP);
                    mv.visitVarInsn(Opcodes.ILOAD, 0);
                    mv.visitJumpInsn(Opcodes.IFEQ, zero);
                    mv.visitInsn(Opcodes.ICONST_1);
                    mv.visitJumpInsn(Opcodes.GOTO, call);
                    mv.visitLabel(zero);
                    mv.visitFrame(Opcodes.F_NEW, 1, new Object[] {Opcodes.INTEGER}, 2, new Object[] {created, created});
                    mv.visitInsn(Opcodes.ICONST_2);
                    mv.visitLabel(call);
                    mv.visitFrame(Opcodes.F_NEW, 1, new Object[] {Opcodes.INTEGER}, 3,
                            new Object[] {created, created, Opcodes.INTEGER});
                    mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Integer", "<init>", "(I)V", false);
                    mv.visitInsn(Opcodes.ARETURN);
                });
        assertEquals(new Expected(1)
                .probe(0, "L0")
                .then("   L0",
                        "   FRAME FULL [I [B] []",
                        "    NEW java/lang/Integer",
                        "    DUP",
                        "    ILOAD 0",
                        "    IFNE L1")
                .probe(2, "L2")
                .then("    GOTO L2",
                        "   L1",
                        "   FRAME FULL [I [B] [L0 L0]")
                .probe(1, "L3")
                .then("   L3",
                        "   FRAME FULL [I [B] [L0 L0]",
                        "    ICONST_1",
                        "    GOTO L4",
                        "   L2",
                        "   FRAME FULL [I [B] [L0 L0]",
                        "    ICONST_2",
                        "   L4",
                        "   FRAME FULL [I [B] [L0 L0 I]",
                        "    INVOKESPECIAL java/lang/Integer.<init> (I)V",
                        "    ARETURN")
                .text(), text);
    }

    /** An edge probe on a backward jump: the loop's jump is inverted, the taken edge's probe jumps back. */
    @Test
    void backwardBranch() {
        String text = rewrite("loop", "(I)V", events(Event.BRANCH_LEFT, Event.BRANCH_RIGHT), Map.of(), mv -> {
            Label top = new Label();
            mv.visitLabel(top);
            mv.visitFrame(Opcodes.F_NEW, 1, new Object[] {Opcodes.INTEGER}, 0, new Object[0]);
            mv.visitIincInsn(0, 1);
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitIntInsn(Opcodes.BIPUSH, 10);
            mv.visitJumpInsn(Opcodes.IF_ICMPLT, top);
            mv.visitInsn(Opcodes.RETURN);
        });
        assertEquals(new Expected(1)
                .then("   L0",
                        "   FRAME FULL [I [B] []",
                        "    IINC 0 1",
                        "    ILOAD 0",
                        "    BIPUSH 10",
                        "    IF_ICMPGE L1")
                .probe(1, "L0")
                .then("    GOTO L0",
                        "   L1",
                        "   FRAME FULL [I [B] []")
                .probe(0, "L2")
                .then("   L2",
                        "   FRAME FULL [I [B] []",
                        "    RETURN")
                .text(), text);
    }

    /** A switch whose cases share a target: one stub per distinct target; cases that go to the default are left. */
    @Test
    void switchCasesShareATarget() {
        String text = rewrite("pick", "(I)I", events(Event.BRANCH_LEFT, Event.BRANCH_RIGHT), Map.of(), mv -> {
            Label one = new Label();
            Label other = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitTableSwitchInsn(1, 4, other, one, one, other, one);
            mv.visitLabel(one);
            mv.visitFrame(Opcodes.F_NEW, 1, new Object[] {Opcodes.INTEGER}, 0, new Object[0]);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitInsn(Opcodes.IRETURN);
            mv.visitLabel(other);
            mv.visitFrame(Opcodes.F_NEW, 1, new Object[] {Opcodes.INTEGER}, 0, new Object[0]);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(Opcodes.IRETURN);
        });
        assertEquals(new Expected(1)
                .then("    ILOAD 0",
                        "    TABLESWITCH",
                        "      1: L0",
                        "      2: L0",
                        "      3: L1",
                        "      4: L0",
                        "      default: L1",
                        "   L1",
                        "   FRAME FULL [I [B] []")
                .probe(0, "L2")
                .then("    GOTO L2",
                        "   L0",
                        "   FRAME FULL [I [B] []")
                .probe(1, "L3")
                .then("    GOTO L3",
                        "   L3",
                        "   FRAME FULL [I [B] []",
                        "    ICONST_1",
                        "    IRETURN",
                        "   L2",
                        "   FRAME FULL [I [B] []",
                        "    ICONST_0",
                        "    IRETURN")
                .text(), text);
    }

    /**
     * A handler that starts where its range ends, and a handler that covers itself (javac's {@code synchronized}
     * exit): probes at a handler's start stay out of its own range, which is split around them.
     */
    @Test
    void handlerThatCoversItself() {
        List<String> table = new ArrayList<>();
        String text = rewrite("sync", "(Ljava/lang/Object;)V", events(Event.EXCEPTION_HANDLED), Map.of(), mv -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            Label handlerEnd = new Label();
            mv.visitTryCatchBlock(start, end, handler, null);
            mv.visitTryCatchBlock(handler, handlerEnd, handler, null);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.MONITORENTER);
            mv.visitLabel(start);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.MONITOREXIT);
            mv.visitLabel(end);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitLabel(handler);
            mv.visitFrame(Opcodes.F_NEW, 1, new Object[] {"java/lang/Object"}, 1, new Object[] {"java/lang/Throwable"});
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.MONITOREXIT);
            mv.visitLabel(handlerEnd);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitInsn(Opcodes.ATHROW);
        }, table);
        assertEquals(new Expected(2)
                .then("    ALOAD 0",
                        "    MONITORENTER",
                        "   L0",
                        "    ALOAD 0",
                        "    MONITOREXIT",
                        "   L1",
                        "    RETURN",
                        "   L2",
                        "   FRAME FULL [java/lang/Object T [B] [java/lang/Throwable]")
                .probeWithValue(0, "L3")
                .then("   L3",
                        "   FRAME FULL [java/lang/Object T [B] [java/lang/Throwable]",
                        "    ASTORE 1",
                        "    ALOAD 0",
                        "    MONITOREXIT",
                        "   L4",
                        "    ALOAD 1",
                        "    ATHROW")
                .text(), text);
        // The first range as it was; the handler's own range now starts after its probe (L3), not at it (L2).
        assertEquals(List.of("L0 L1 L2 null", "L3 L4 L2 null"), table);
    }

    /**
     * A constructor whose {@code this} is still uninitialised at a branch before {@code super(...)}: the frames of
     * the edge probes say so.
     */
    @Test
    void uninitialisedThis() {
        String text = rewrite("<init>", "(I)V", events(Event.BRANCH_LEFT, Event.BRANCH_RIGHT), Map.of(), mv -> {
            Label two = new Label();
            Label call = new Label();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            mv.visitJumpInsn(Opcodes.IFLE, two);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitJumpInsn(Opcodes.GOTO, call);
            mv.visitLabel(two);
            mv.visitFrame(Opcodes.F_NEW, 2, new Object[] {Opcodes.UNINITIALIZED_THIS, Opcodes.INTEGER}, 1,
                    new Object[] {Opcodes.UNINITIALIZED_THIS});
            mv.visitInsn(Opcodes.ICONST_2);
            mv.visitLabel(call);
            mv.visitFrame(Opcodes.F_NEW, 2, new Object[] {Opcodes.UNINITIALIZED_THIS, Opcodes.INTEGER}, 2,
                    new Object[] {Opcodes.UNINITIALIZED_THIS, Opcodes.INTEGER});
            mv.visitInsn(Opcodes.POP);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            mv.visitInsn(Opcodes.RETURN);
        });
        assertEquals(new Expected(2)
                .then("    ALOAD 0",
                        "    ILOAD 1",
                        "    IFGT L0")
                .probe(1, "L1")
                .then("    GOTO L1",
                        "   L0",
                        "   FRAME FULL [U I [B] [U]")
                .probe(0, "L2")
                .then("   L2",
                        "   FRAME FULL [U I [B] [U]",
                        "    ICONST_1",
                        "    GOTO L3",
                        "   L1",
                        "   FRAME FULL [U I [B] [U]",
                        "    ICONST_2",
                        "   L3",
                        "   FRAME FULL [U I [B] [U I]",
                        "    POP",
                        "    INVOKESPECIAL java/lang/Object.<init> ()V",
                        "    RETURN")
                .text(), text);
    }

    /**
     * Deferred lines and branches, all stores: an edge that is the one way into a line point gets no probe (the
     * line's store says that it ran; its slot is implied by the line's), so a conditional whose two edges both lead
     * into lines of their own stays as it was. Here the taken edge (2 to 14) is the only way to line 3; the
     * fall-through (2 to 5) is not the only way to line 2, which a backward jump also reaches, and keeps its store.
     */
    @Test
    void edgesIntoLinesOnlyTheyReachAreImpliedByTheLinesStores() {
        CountingSlots slots = new CountingSlots();
        int stores = events(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT);
        String text = rewrite("max", "(II)I", stores | stores << Control.DEFERRED_SHIFT, Map.of(0, 1, 5, 2, 14, 3),
                mv -> {
                    Label then = new Label();
                    Label other = new Label();
                    mv.visitVarInsn(Opcodes.ILOAD, 0); // 0, line 1
                    mv.visitVarInsn(Opcodes.ILOAD, 1); // 1
                    mv.visitJumpInsn(Opcodes.IF_ICMPLE, other); // 2
                    mv.visitLabel(then);
                    mv.visitFrame(Opcodes.F_NEW, 2, new Object[] {Opcodes.INTEGER, Opcodes.INTEGER}, 0, new Object[0]);
                    mv.visitIincInsn(0, -1); // 5, line 2
                    mv.visitVarInsn(Opcodes.ILOAD, 0); // 8
                    mv.visitJumpInsn(Opcodes.IFGT, then); // 9
                    mv.visitInsn(Opcodes.ICONST_0); // 12
                    mv.visitInsn(Opcodes.IRETURN); // 13
                    mv.visitLabel(other);
                    mv.visitFrame(Opcodes.F_NEW, 2, new Object[] {Opcodes.INTEGER, Opcodes.INTEGER}, 0, new Object[0]);
                    mv.visitVarInsn(Opcodes.ILOAD, 1); // 14, line 3
                    mv.visitInsn(Opcodes.IRETURN); // 15
                }, new ArrayList<>(), slots);
        assertEquals(String.join("\n", store(0),
                "    ILOAD 0",
                "    ILOAD 1",
                "    IF_ICMPLE L0", // unchanged: its taken edge is implied by line 3's store
                store(3), // the fall-through's edge
                "   L1",
                "   FRAME FULL [I I] []",
                store(1),
                "    IINC 0 -1",
                "    ILOAD 0",
                "    IFLE L2",
                store(6),
                "    GOTO L1",
                "   L2",
                "   FRAME FULL [I I] []",
                store(4), // falls through: no frame at the next instruction
                "    ICONST_0",
                "    IRETURN",
                "   L0",
                "   FRAME FULL [I I] []",
                store(2),
                "    ILOAD 1",
                "    IRETURN") + "\n", text);
        // slots: LINE 0-2 (lines 1, 2, 3), BRANCH_LEFT 3-4 (2->5, 9->12), BRANCH_RIGHT 5-6 (2->14, 9->5)
        assertEquals(List.of("2 implies 5"), slots.implied);
    }

    // ---- harness ------------------------------------------------------------------------------------------

    private static String rewrite(String name, String descriptor, int events, Map<Integer, Integer> linePoints,
            Consumer<MethodVisitor> code) {
        return rewrite(name, descriptor, events, linePoints, code, new ArrayList<>());
    }

    private static String rewrite(String name, String descriptor, int events, Map<Integer, Integer> linePoints,
            Consumer<MethodVisitor> code, List<String> table) {
        return rewrite(name, descriptor, events, linePoints, code, table, new CountingSlots());
    }

    /**
     * Writes a class with one method, rewrites it with probes for {@code events}, verifies and loads the result,
     * and returns the method's instructions as text; {@code table} gets its exception table.
     */
    private static String rewrite(String name, String descriptor, int events, Map<Integer, Integer> linePoints,
            Consumer<MethodVisitor> code, List<String> table, CountingSlots slots) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, OWNER, null, "java/lang/Object", null);
        int access = name.equals("<init>") ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;
        MethodVisitor mv = writer.visitMethod(access, name, descriptor, null, null);
        mv.visitCode();
        code.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        writer.visitEnd();
        byte[] rewritten = ClassProbes.rewrite(writer.toByteArray(),
                method -> new MethodPlan(1, 0, events, linePoints, Set.of(), owner -> false), slots,
                (method, reason) -> {
                    throw new AssertionError(method + ": " + reason);
                });
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(rewritten), false, new PrintWriter(problems));
        assertEquals("", problems.toString(), "ASM's verifier");
        new ClassLoader(MethodProbesTest.class.getClassLoader()) {
            Class<?> define() {
                Class<?> c = defineClass(OWNER.replace('/', '.'), rewritten, 0, rewritten.length);
                c.getDeclaredMethods(); // links the class: the JVM's verifier checks every method
                return c;
            }
        }.define();
        ClassNode node = new ClassNode();
        new ClassReader(rewritten).accept(node, ClassReader.EXPAND_FRAMES);
        MethodNode method = node.methods.get(0);
        Names textifier = new Names();
        method.instructions.accept(new TraceMethodVisitor(textifier));
        StringWriter out = new StringWriter();
        textifier.print(new PrintWriter(out));
        table.clear();
        for (var block : method.tryCatchBlocks) {
            table.add(labelName(textifier, block.start.getLabel()) + " " + labelName(textifier, block.end.getLabel())
                    + " " + labelName(textifier, block.handler.getLabel()) + " " + block.type);
        }
        return out.toString();
    }

    private static String labelName(Names textifier, Label label) {
        return textifier.name(label);
    }

    /** A store probe: {@code hits[slot] = 1}, the hit array a dynamic constant of the class. */
    private static String store(int slot) {
        return String.join("\n", "    LDC hits : [B [",
                "      // handle kind 0x6 : INVOKESTATIC",
                "      io/lowimpact/monitoring/core/internal/Bootstrap.hits(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)[B",
                "      // arguments:",
                "      " + CLASS_ID,
                "    ]",
                Expected.push(slot),
                "    ICONST_1",
                "    BASTORE");
    }

    private static int events(Event<?>... events) {
        int mask = 0;
        for (Event<?> e : events) {
            mask |= 1 << e.ordinal();
        }
        return mask;
    }

    /**
     * An expected listing, as {@link #rewrite} prints it: what every rewritten method starts with (its class's masks
     * loaded into local {@code masks}), then the method's own instructions and its probes in order.
     */
    private static final class Expected {
        private static final String FIRE = "    INVOKESTATIC io/lowimpact/monitoring/core/internal/Bootstrap.fire";

        private final int masks;
        private final List<String> lines = new ArrayList<>();

        Expected(int masks) {
            this.masks = masks;
            then("    LDC masks : [B [",
                    "      // handle kind 0x6 : INVOKESTATIC",
                    "      io/lowimpact/monitoring/core/internal/Bootstrap.masks(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)[B",
                    "      // arguments:",
                    "      " + CLASS_ID,
                    "    ]",
                    "    ASTORE " + masks);
        }

        /** Instructions, labels and frames, one a line as the Textifier prints them. */
        Expected then(String... text) {
            lines.addAll(List.of(text));
            return this;
        }

        /** A probe: unless the mask byte of {@code slot} is zero (then it goes to {@code skip}), it fires. */
        Expected probe(int slot, String skip) {
            return maskTest(slot, skip).then(push(CLASS_ID), push(slot), FIRE + " (II)V");
        }

        /** A probe that passes on the value on top of the stack, which stays there. */
        Expected probeWithValue(int slot, String skip) {
            return maskTest(slot, skip).then("    DUP", push(CLASS_ID), push(slot), FIRE + " (Ljava/lang/Object;II)V");
        }

        private Expected maskTest(int slot, String skip) {
            return then("    ALOAD " + masks, push(slot), "    BALOAD", "    IFEQ " + skip);
        }

        /** An int constant as javac and ASM push one from 0 to 127. */
        private static String push(int value) {
            return value <= 5 ? "    ICONST_" + value : "    BIPUSH " + value;
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    /** A Textifier that tells the names it gave labels. */
    private static final class Names extends Textifier {
        Names() {
            super(Opcodes.ASM9);
        }

        String name(Label label) {
            return labelNames == null || !labelNames.containsKey(label) ? "?" : labelNames.get(label);
        }
    }

    /** Numbers slots in the order they are asked for; class id 7. */
    private static final class CountingSlots implements SlotAllocator {
        private final List<String> implied = new ArrayList<>();
        private int next;

        @Override
        public int classId() {
            return CLASS_ID;
        }

        @Override
        public int allocate(int unitIndex, Event<?> event, int[] offsets, int[] tos) {
            int base = next;
            next += offsets.length;
            return base;
        }

        @Override
        public void imply(int slot, int other) {
            implied.add(slot + " implies " + other);
        }

        @Override
        public void publish() {
        }
    }
}

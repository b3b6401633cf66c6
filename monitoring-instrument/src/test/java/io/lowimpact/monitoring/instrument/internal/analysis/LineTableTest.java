package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Position;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

/** Line ranges and line points for line tables that javac does not write. */
class LineTableTest {

    @Test
    void giveTheFirstLineToTheInstructionAndTheLastToTheRestWhenEntriesShareAnOffset() {
        // 0: nop (lines 10 then 20), 1: nop, 2: nop (line 30), 3: return
        MethodAnalysis m = GeneratedClasses.analyzeMethod(GeneratedClasses.withMethod(Opcodes.V1_5, "Gen.java", mv -> {
            Label first = new Label();
            mv.visitLabel(first);
            mv.visitLineNumber(10, first);
            mv.visitLineNumber(20, first);
            mv.visitInsn(Opcodes.NOP);
            mv.visitInsn(Opcodes.NOP);
            Label third = new Label();
            mv.visitLabel(third);
            mv.visitLineNumber(30, third);
            mv.visitInsn(Opcodes.NOP);
            mv.visitInsn(Opcodes.RETURN);
        }));
        assertEquals(List.of(new LineRange(0, 1, 10), new LineRange(1, 2, 20), new LineRange(2, 4, 30)), m.lines());
        assertEquals(List.of(new LinePoint(0, 10), new LinePoint(2, 30)), m.linePoints());
        assertEquals(10, m.firstLine());
    }

    @Test
    void coverCodeBeforeTheFirstEntryWithAnUnknownLine() {
        // 0: aload_0, 1: ifnull 7, 4: goto 7, 7: nop (line 5), 8: aload_0, 9: ifnull 8, 12: return
        MethodAnalysis m = GeneratedClasses.analyzeMethod(GeneratedClasses.withMethod(Opcodes.V1_5, "Gen.java", mv -> {
            Label lined = new Label();
            Label loop = new Label();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitJumpInsn(Opcodes.IFNULL, lined);
            mv.visitJumpInsn(Opcodes.GOTO, lined);
            mv.visitLabel(lined);
            mv.visitLineNumber(5, lined);
            mv.visitInsn(Opcodes.NOP);
            mv.visitLabel(loop);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitJumpInsn(Opcodes.IFNULL, loop);
            mv.visitInsn(Opcodes.RETURN);
        }));
        assertEquals(List.of(new LineRange(0, 7, -1), new LineRange(7, 13, 5)), m.lines());
        assertEquals(List.of(Position.ofLine(0, 7, -1, 0), Position.ofLine(7, 13, 5, 0)), m.positions());
        assertEquals(List.of(new Branch(1, 4, 7), new Branch(9, 12, 8)), m.branches());
        assertEquals(List.of(new LinePoint(7, 5), new LinePoint(8, 5)), m.linePoints());
    }

    @Test
    void giveAMethodWithoutLineTableOneUnknownRangeAndNoLinePoints() {
        // compiled without debug information and without a SourceFile: 0: aload_0, 1: ifnull 4, 4: return
        byte[] classFile = GeneratedClasses.withMethod(Opcodes.V1_5, null, mv -> {
            Label end = new Label();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitJumpInsn(Opcodes.IFNULL, end);
            mv.visitLabel(end);
            mv.visitInsn(Opcodes.RETURN);
        });
        ClassAnalysis c = ClassAnalyzer.analyze(classFile);
        assertEquals(List.of(), c.sourceFiles());
        MethodAnalysis m = c.methods().get(0);
        assertEquals(List.of(new LineRange(0, 5, -1)), m.lines());
        assertEquals(List.of(Position.ofLine(0, 5, -1, -1)), m.positions());
        assertEquals(List.of(), m.linePoints());
        assertEquals(-1, m.firstLine());
        assertEquals(List.of(new Branch(1, 4, 4)), m.branches());
    }

    @Test
    void analyseOldClassFilesWithSubroutines() {
        // version 48 (Java 1.4): 0: jsr 6, 3: goto 10 (line 2), 6: astore_1 (line 3), 7: ret 1, 9: nop, 10: return
        byte[] classFile = GeneratedClasses.withMethod(Opcodes.V1_4, "Old.java", mv -> {
            Label subroutine = new Label();
            Label end = new Label();
            Label line2 = new Label();
            mv.visitJumpInsn(Opcodes.JSR, subroutine);
            mv.visitLabel(line2);
            mv.visitLineNumber(2, line2);
            mv.visitJumpInsn(Opcodes.GOTO, end);
            mv.visitLabel(subroutine);
            mv.visitLineNumber(3, subroutine);
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitVarInsn(Opcodes.RET, 1);
            mv.visitInsn(Opcodes.NOP);
            mv.visitLabel(end);
            mv.visitInsn(Opcodes.RETURN);
        });
        ClassAnalysis c = ClassAnalyzer.analyze(classFile);
        assertEquals(48, c.majorVersion());
        assertEquals(false, c.invokedynamicAllowed());
        MethodAnalysis m = c.methods().get(0);
        assertEquals(List.of(new Jump(3, 10)), m.jumps()); // jsr is a subroutine call, not a JUMP
        assertEquals(Opcodes.JSR, m.opcodeAt(0));
        assertEquals(Opcodes.RET, m.opcodeAt(7));
        assertEquals(List.of(new LinePoint(3, 2), new LinePoint(6, 3), new LinePoint(10, 3)), m.linePoints());
    }

    @Test
    void sortAnEntryTableThatIsOutOfOrderKeepingTableOrderWithinAnOffset() {
        // five one-byte instructions; the table lists offset 3 first, then 0 (lines 7, 8), then 3 again (line 9)
        Instructions instructions = new Instructions(5);
        for (int offset = 0; offset < 5; offset++) {
            instructions.add(offset, Opcodes.NOP, -1);
        }
        LineTable table = LineTable.of(new int[] {3, 0, 0, 3}, new int[] {4, 7, 8, 9}, 4, instructions, 5);
        assertEquals(List.of(new LineRange(0, 1, 7), new LineRange(1, 3, 8), new LineRange(3, 4, 4),
                new LineRange(4, 5, 9)), table.ranges());
        assertEquals(List.of(new LinePoint(0, 7), new LinePoint(3, 4)), table.linePoints(new int[0]));
    }

    @Test
    void mergeJumpTargetsWithEntriesOncePerOffsetTheEntrysLineFirst() {
        // entries at 2 (line 5), 4 (line 0: none) and 6 (line 6); code before 2 has no line
        Instructions instructions = new Instructions(8);
        for (int offset = 0; offset < 8; offset++) {
            instructions.add(offset, Opcodes.NOP, -1);
        }
        LineTable table = LineTable.of(new int[] {2, 4, 6}, new int[] {5, 0, 6}, 3, instructions, 8);
        // targets in any order, repeated: 1 has no line, 2 and 6 are entries, 3 and 7 are inside lines 5 and 6,
        // 4 is an entry without a line
        assertEquals(List.of(new LinePoint(2, 5), new LinePoint(3, 5), new LinePoint(6, 6), new LinePoint(7, 6)),
                table.linePoints(new int[] {7, 3, 2, 1, 7, 6, 3, 4, 2}));
    }
}

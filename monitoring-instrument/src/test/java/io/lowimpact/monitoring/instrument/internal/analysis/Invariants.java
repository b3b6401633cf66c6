package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Position;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.objectweb.asm.Opcodes;

/** Structural properties that every analysis must have, whatever compiled the class. */
final class Invariants {

    private Invariants() {
    }

    static void assertHold(ClassAnalysis analysis) {
        for (MethodAnalysis method : analysis.methods()) {
            assertHold(analysis, method);
        }
    }

    private static void assertHold(ClassAnalysis analysis, MethodAnalysis m) {
        String where = analysis.className() + "." + m.name() + m.descriptor();
        int[] offsets = m.instructionOffsets();
        assertTrue(offsets.length > 0 && offsets[0] == 0, () -> where + ": first instruction at 0");
        for (int i = 1; i < offsets.length; i++) {
            int at = i;
            assertTrue(offsets[i] > offsets[i - 1], () -> where + ": offsets increase at " + offsets[at]);
        }
        assertTrue(offsets[offsets.length - 1] < m.codeLength(), () -> where + ": last offset < code length");

        List<LineRange> lines = m.lines();
        int end = 0;
        for (LineRange r : lines) {
            int expectedStart = end;
            assertEquals(expectedStart, r.startOffset(), () -> where + ": line ranges contiguous " + lines);
            assertTrue(r.endOffset() > r.startOffset() && (r.line() == -1 || r.line() > 0), () -> where + ": " + r);
            assertTrue(m.isInstructionOffset(r.startOffset()), () -> where + ": range starts at an instruction " + r);
            end = r.endOffset();
        }
        assertEquals(m.codeLength(), end, () -> where + ": line ranges cover the code");
        List<Position> positions = m.positions();
        assertEquals(lines.size(), positions.size(), () -> where + ": one position per line range");
        for (int i = 0; i < lines.size(); i++) {
            Position p = positions.get(i);
            assertEquals(lines.get(i).startOffset(), p.startOffset(), () -> where + ": position " + p);
            assertEquals(lines.get(i).endOffset(), p.endOffset(), () -> where + ": position " + p);
            assertTrue(p.column() == -1 && p.endColumn() == -1, () -> where + ": no columns in bytecode " + p);
            assertTrue(p.sourceIndex() < analysis.sourceFiles().size(), () -> where + ": source index " + p);
        }

        int previous = -1;
        for (LinePoint point : m.linePoints()) {
            int before = previous;
            assertTrue(point.offset() > before && m.isInstructionOffset(point.offset()) && point.line() > 0,
                    () -> where + ": line point " + point);
            previous = point.offset();
        }
        for (Branch b : m.branches()) {
            int op = m.opcodeAt(b.from());
            assertTrue(isConditional(op), () -> where + ": branch at a conditional instruction " + b);
            assertLinePointOrNoLine(where, m, b.rights());
            assertInstruction(where, m, b.left());
            assertInstruction(where, m, b.rights());
            if (op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH) {
                assertLinePointOrNoLine(where, m, b.left());
            }
        }
        for (Jump j : m.jumps()) {
            assertInstruction(where, m, j.from(), j.to());
            assertEquals(Opcodes.GOTO, m.opcodeAt(j.from()), () -> where + ": jump at a goto " + j);
            assertLinePointOrNoLine(where, m, j.to());
        }
        for (InvokeSite call : m.calls()) {
            int op = m.opcodeAt(call.offset());
            assertTrue(op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEDYNAMIC, () -> where + ": call " + call);
        }
        for (ExceptionHandler h : m.handlers()) {
            assertInstruction(where, m, h.start(), h.handler());
            assertTrue(h.start() < h.end() && (h.end() == m.codeLength() || m.isInstructionOffset(h.end())),
                    () -> where + ": handler range " + h);
            assertLinePointOrNoLine(where, m, h.handler());
        }
        for (ReturnSite r : m.returns()) {
            assertEquals(r.opcode(), m.opcodeAt(r.offset()), () -> where + ": return " + r);
        }
        for (ThrowSite t : m.throwSites()) {
            assertEquals(Opcodes.ATHROW, m.opcodeAt(t.offset()), () -> where + ": athrow " + t);
        }
    }

    private static boolean isConditional(int opcode) {
        return (opcode >= Opcodes.IFEQ && opcode <= Opcodes.IF_ACMPNE) || opcode == Opcodes.IFNULL
                || opcode == Opcodes.IFNONNULL || opcode == Opcodes.TABLESWITCH || opcode == Opcodes.LOOKUPSWITCH;
    }

    private static void assertInstruction(String where, MethodAnalysis m, int... offsets) {
        for (int offset : offsets) {
            assertTrue(m.isInstructionOffset(offset), () -> where + ": " + offset + " is not an instruction offset");
        }
    }

    private static void assertLinePointOrNoLine(String where, MethodAnalysis m, int... targets) {
        for (int target : targets) {
            int line = JavapAgreement.lineAt(m.lines(), target);
            int point = Collections.binarySearch(m.linePoints(), new LinePoint(target, 0),
                    Comparator.comparingInt(LinePoint::offset));
            assertEquals(line > 0, point >= 0, () -> where + ": target " + target + " is a line point iff it has a line");
        }
    }
}

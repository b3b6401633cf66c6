package io.lowimpact.monitoring.instrument.internal.analysis;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.instrument.internal.IntList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Visits one method's code as {@link OffsetClassReader} reads it, records each instruction at its original offset,
 * and at the end hands a {@link MethodAnalysis} to its sink. Labels get their offsets when the reader visits them
 * (just before the instruction they mark); jump targets and handler ranges are resolved once the code is read.
 * Every visit goes on to the next visitor, if any.
 */
final class MethodScanner extends MethodVisitor {

    private final OffsetClassReader reader;
    private final String name;
    private final String descriptor;
    private final int access;
    private final int codeLength;
    private final SourcePositions sourcePositions;
    private final Consumer<MethodAnalysis> sink;
    private final DottedNames dotted;

    private final Instructions instructions;
    private int[] lineOffsets = new int[16];
    private int[] lineNumbers = new int[16];
    private int lineCount;
    private final List<PendingEdge> conditionals = new ArrayList<>();
    private final List<PendingEdge> gotos = new ArrayList<>();
    private final List<PendingEdge> subroutineCalls = new ArrayList<>();
    private final List<PendingSwitch> switches = new ArrayList<>();
    private final List<PendingHandler> tryCatches = new ArrayList<>();
    private final List<InvokeSite> calls = new ArrayList<>();
    private final List<ReturnSite> returns = new ArrayList<>();

    private record PendingEdge(int from, Label to) {
    }

    private record PendingSwitch(int from, Label defaultLabel, Label[] labels) {
    }

    private record PendingHandler(Label start, Label end, Label handler, String type) {
    }

    MethodScanner(OffsetClassReader reader, String name, String descriptor, int access, int codeLength,
            SourcePositions sourcePositions, Consumer<MethodAnalysis> sink, DottedNames dotted, MethodVisitor next) {
        super(Opcodes.ASM9, next);
        this.reader = reader;
        this.name = name;
        this.descriptor = descriptor;
        this.access = access;
        this.codeLength = codeLength;
        this.instructions = new Instructions(codeLength);
        this.sourcePositions = sourcePositions;
        this.sink = sink;
        this.dotted = dotted;
    }

    private int record(int opcode, int variable) {
        int offset = reader.instructionOffset();
        instructions.add(offset, opcode, variable);
        return offset;
    }

    @Override
    public void visitLabel(Label label) {
        int current = reader.instructionOffset();
        // The reader visits a label at the end of the code after the last instruction, at that instruction's offset.
        ((ReadLabel) label).offset = current == instructions.lastOffset() ? codeLength : current;
        super.visitLabel(label);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        super.visitLineNumber(line, start);
        int offset = ((ReadLabel) start).offset;
        if (offset == ReadLabel.UNSEEN || offset >= codeLength) {
            return;
        }
        if (lineCount == lineOffsets.length) {
            lineOffsets = Arrays.copyOf(lineOffsets, lineCount * 2);
            lineNumbers = Arrays.copyOf(lineNumbers, lineCount * 2);
        }
        lineOffsets[lineCount] = offset;
        lineNumbers[lineCount] = line;
        lineCount++;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        tryCatches.add(new PendingHandler(start, end, handler, type));
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitInsn(int opcode) {
        int offset = record(opcode, -1);
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            returns.add(new ReturnSite(offset, opcode));
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        record(opcode, -1);
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        record(opcode, varIndex);
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        record(opcode, -1);
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
        record(opcode, -1);
        super.visitFieldInsn(opcode, owner, fieldName, fieldDescriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor,
            boolean isInterface) {
        int offset = record(opcode, -1);
        calls.add(InvokeSite.ofMethod(offset, opcode, owner, methodName, methodDescriptor, dotted));
        super.visitMethodInsn(opcode, owner, methodName, methodDescriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String callName, String callDescriptor, Handle bootstrap, Object... arguments) {
        int offset = record(Opcodes.INVOKEDYNAMIC, -1);
        calls.add(InvokeSite.ofDynamic(offset, callName, callDescriptor, bootstrap, dotted));
        super.visitInvokeDynamicInsn(callName, callDescriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        int offset = record(opcode, -1);
        if (opcode == Opcodes.GOTO) {
            gotos.add(new PendingEdge(offset, label));
        } else if (opcode == Opcodes.JSR) {
            subroutineCalls.add(new PendingEdge(offset, label));
        } else {
            conditionals.add(new PendingEdge(offset, label));
        }
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        record(Opcodes.LDC, -1);
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        record(Opcodes.IINC, varIndex);
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label defaultLabel, Label... labels) {
        int offset = record(Opcodes.TABLESWITCH, -1);
        switches.add(new PendingSwitch(offset, defaultLabel, labels.clone()));
        super.visitTableSwitchInsn(min, max, defaultLabel, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label defaultLabel, int[] keys, Label[] labels) {
        int offset = record(Opcodes.LOOKUPSWITCH, -1);
        switches.add(new PendingSwitch(offset, defaultLabel, labels.clone()));
        super.visitLookupSwitchInsn(defaultLabel, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String arrayDescriptor, int numDimensions) {
        record(Opcodes.MULTIANEWARRAY, -1);
        super.visitMultiANewArrayInsn(arrayDescriptor, numDimensions);
    }

    @Override
    public void visitEnd() {
        List<Branch> branches = new ArrayList<>();
        List<Jump> jumps = new ArrayList<>();
        IntList targets = new IntList(16); // jump targets and handler starts, repeats allowed
        resolveEdges(branches, jumps, targets);
        List<ExceptionHandler> handlers = new ArrayList<>();
        for (PendingHandler h : tryCatches) {
            ExceptionHandler handler = new ExceptionHandler(offsetOf(h.start), offsetOf(h.end), offsetOf(h.handler), h.type);
            handlers.add(handler);
            targets.add(handler.handler());
        }
        LineTable lineTable = LineTable.of(lineOffsets, lineNumbers, lineCount, instructions, codeLength);
        int[] targetOffsets = targets.toArray();
        sink.accept(new MethodAnalysis(name, descriptor, access, codeLength, instructions, lineTable.ranges(),
                sourcePositions.positions(lineTable.ranges()), lineTable.linePoints(targetOffsets), branches, jumps,
                calls, handlers, returns, RethrowDetector.throwSites(instructions, handlers, lineTable)));
        super.visitEnd();
    }

    private void resolveEdges(List<Branch> branches, List<Jump> jumps, IntList targets) {
        // Conditionals and switches, each list in offset order, merged into one offset-ordered branch list.
        List<Branch> conditionalBranches = new ArrayList<>();
        for (PendingEdge edge : conditionals) {
            int to = offsetOf(edge.to);
            conditionalBranches.add(new Branch(edge.from, instructions.nextOffset(edge.from, codeLength), to));
            targets.add(to);
        }
        for (PendingSwitch s : switches) {
            int defaultTarget = offsetOf(s.defaultLabel);
            targets.add(defaultTarget);
            Set<Integer> rights = new LinkedHashSet<>();
            for (Label label : s.labels) {
                int target = offsetOf(label);
                if (target != defaultTarget) {
                    rights.add(target); // a case that goes where the default goes is the default (LEFT)
                }
            }
            for (int right : rights) {
                targets.add(right);
            }
            if (!rights.isEmpty()) { // a switch whose cases all go to the default has one way out: no branch
                conditionalBranches.add(new Branch(s.from, defaultTarget,
                        rights.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        if (!switches.isEmpty()) { // conditionals alone are in offset order already
            conditionalBranches.sort((a, b) -> Integer.compare(a.from(), b.from()));
        }
        branches.addAll(conditionalBranches);
        for (PendingEdge edge : gotos) { // visited in code order: the jumps are in offset order
            int to = offsetOf(edge.to);
            jumps.add(new Jump(edge.from, to));
            targets.add(to);
        }
        for (PendingEdge edge : subroutineCalls) {
            targets.add(offsetOf(edge.to)); // a jump target (line point), but no JUMP: jsr calls a subroutine
        }
    }

    private int offsetOf(Label label) {
        int offset = ((ReadLabel) label).offset;
        if (offset == ReadLabel.UNSEEN) {
            throw new IllegalArgumentException("a jump target or exception-table offset of " + name + descriptor
                    + " is not at an instruction (malformed code)");
        }
        return offset;
    }
}

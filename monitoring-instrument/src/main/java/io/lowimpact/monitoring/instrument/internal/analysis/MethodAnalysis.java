package io.lowimpact.monitoring.instrument.internal.analysis;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Position;
import java.util.Arrays;
import java.util.List;

/**
 * What one method body (constructors, static initialisers and lambda bodies included) holds for monitoring: its
 * instructions' original offsets, lines and positions, line points, branches, jumps, calls, exception handlers,
 * returns and throws. Every offset is an original bytecode index, as {@code javap -c} prints it (spec.md S25); every
 * list is in offset order unless it says otherwise. Immutable.
 */
public final class MethodAnalysis {

    private final String name;
    private final String descriptor;
    private final int access;
    private final int codeLength;
    private final int[] offsets;
    private final int[] opcodes;
    private final List<LineRange> lines;
    private final List<Position> positions;
    private final List<LinePoint> linePoints;
    private final List<Branch> branches;
    private final List<Jump> jumps;
    private final List<InvokeSite> calls;
    private final List<ExceptionHandler> handlers;
    private final List<ReturnSite> returns;
    private final List<ThrowSite> throwSites;

    MethodAnalysis(String name, String descriptor, int access, int codeLength, Instructions instructions,
            List<LineRange> lines, List<Position> positions, List<LinePoint> linePoints, List<Branch> branches,
            List<Jump> jumps, List<InvokeSite> calls, List<ExceptionHandler> handlers, List<ReturnSite> returns,
            List<ThrowSite> throwSites) {
        this.name = name;
        this.descriptor = descriptor;
        this.access = access;
        this.codeLength = codeLength;
        this.offsets = instructions.offsets();
        this.opcodes = instructions.opcodes();
        this.lines = List.copyOf(lines);
        this.positions = List.copyOf(positions);
        this.linePoints = List.copyOf(linePoints);
        this.branches = List.copyOf(branches);
        this.jumps = List.copyOf(jumps);
        this.calls = List.copyOf(calls);
        this.handlers = List.copyOf(handlers);
        this.returns = List.copyOf(returns);
        this.throwSites = List.copyOf(throwSites);
    }

    /** @return the method's name ({@code "<init>"}, {@code "<clinit>"}, {@code "lambda$run$0"} included) */
    public String name() {
        return name;
    }

    /** @return the method's JVM descriptor */
    public String descriptor() {
        return descriptor;
    }

    /** @return the method's access flags ({@code Opcodes.ACC_*}) */
    public int access() {
        return access;
    }

    /** @return the length of the method's code in bytes: offsets are {@code 0 .. codeLength() - 1} */
    public int codeLength() {
        return codeLength;
    }

    /** @return the offset of every instruction, strictly increasing; a copy */
    public int[] instructionOffsets() {
        return offsets.clone();
    }

    /** @return the number of instructions */
    public int instructionCount() {
        return offsets.length;
    }

    /**
     * @param offset an offset
     * @return whether an instruction starts there
     */
    public boolean isInstructionOffset(int offset) {
        return Arrays.binarySearch(offsets, offset) >= 0;
    }

    /**
     * The opcode as ASM reports it: the short and wide forms of one instruction fold into one opcode
     * ({@code aload_0} and {@code wide aload} are {@code ALOAD}, {@code ldc_w} and {@code ldc2_w} are {@code LDC},
     * {@code goto_w} is {@code GOTO}, {@code jsr_w} is {@code JSR}).
     *
     * @param offset an instruction's offset
     * @return its opcode ({@code Opcodes.*})
     * @throws IllegalArgumentException if no instruction starts at {@code offset}
     */
    public int opcodeAt(int offset) {
        int index = Arrays.binarySearch(offsets, offset);
        if (index < 0) {
            throw new IllegalArgumentException("no instruction at offset " + offset + " of " + name + descriptor);
        }
        return opcodes[index];
    }

    /**
     * @return the line ranges (spec.md S27, like {@code co_lines}): contiguous, covering {@code [0, codeLength())},
     *     with the class file's lines (what stack traces show) and -1 where there is none; see {@link LineTable}
     */
    public List<LineRange> lines() {
        return lines;
    }

    /**
     * @return one position per {@link #lines()} range, same offsets, with lines mapped through the class's SMAP
     *     where it has one, source indexes into {@link ClassAnalysis#sourceFiles()}, and columns -1
     */
    public List<Position> positions() {
        return positions;
    }

    /** @return the lowest line of {@link #positions()}, or -1 when none is known */
    public int firstLine() {
        int first = -1;
        for (Position p : positions) {
            if (p.line() > 0 && (first == -1 || p.line() < first)) {
                first = p.line();
            }
        }
        return first;
    }

    /** @return the line points (spec.md S26), one per offset, with the class file's line there */
    public List<LinePoint> linePoints() {
        return linePoints;
    }

    /**
     * The conditional branches (spec.md S28). An {@code if*} instruction gives {@code Branch(from, next instruction,
     * target)}, even when the two are equal. A {@code tableswitch} or {@code lookupswitch} gives
     * {@code Branch(from, default, case targets)}, where the case targets are the distinct targets of its table in
     * table order (first occurrence) <em>other than the default's</em>: an edge is LEFT or RIGHT by where it goes,
     * so a key that goes where the default goes (a gap javac filled in a {@code tableswitch}, or
     * {@code case 1: default:}) takes the LEFT edge. A switch whose cases all go to its default (or that has none) has
     * one way out and is no branch.
     *
     * @return the branches
     */
    public List<Branch> branches() {
        return branches;
    }

    /** @return the unconditional jump edges: see {@link Jump} */
    public List<Jump> jumps() {
        return jumps;
    }

    /** @return the invoke instructions */
    public List<InvokeSite> calls() {
        return calls;
    }

    /** @return the exception table, in table order (not sorted) */
    public List<ExceptionHandler> handlers() {
        return handlers;
    }

    /** @return the return instructions */
    public List<ReturnSite> returns() {
        return returns;
    }

    /** @return the {@code athrow} instructions, each marked RAISE or RERAISE */
    public List<ThrowSite> throwSites() {
        return throwSites;
    }

    @Override
    public String toString() {
        return name + descriptor + " (" + offsets.length + " instructions, " + codeLength + " bytes)";
    }
}

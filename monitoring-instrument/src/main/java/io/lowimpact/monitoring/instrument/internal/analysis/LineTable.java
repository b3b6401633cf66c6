package io.lowimpact.monitoring.instrument.internal.analysis;

import io.lowimpact.monitoring.LineRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A method's LineNumberTable turned into contiguous line ranges and line points.
 *
 * <p>Ranges follow HotSpot's {@code Method::line_number_from_bci}, which is what stack traces show: an instruction
 * that starts an entry has that entry's line; any other instruction has the line of the closest entry before it.
 * When several entries start at one offset, the instruction there has the first one's line (in table order) and
 * the instructions after it up to the next entry have the last one's. Code before the first entry, and a method
 * without a table, gets a range with line -1, so that the ranges always cover {@code [0, codeLength)} exactly.
 * Entries that do not start an instruction are ignored (ASM never visits them).
 *
 * <p>Line points (spec.md S26) are the start of each entry, with its first line, and every jump target or handler
 * start that lies in a range with a known line, with that range's line.
 */
final class LineTable {

    private final List<LineRange> ranges;
    private final int[] entryOffsets; // distinct, ascending
    private final int[] entryLines; // the first line of the entries at entryOffsets[i]

    private LineTable(List<LineRange> ranges, int[] entryOffsets, int[] entryLines) {
        this.ranges = List.copyOf(ranges);
        this.entryOffsets = entryOffsets;
        this.entryLines = entryLines;
    }

    /**
     * @param offsets entry start offsets, in the order ASM visited them (ascending, table order within one offset)
     * @param lines entry lines, parallel to {@code offsets}
     * @param count number of entries
     * @param instructions the method's instructions
     * @param codeLength the method's code length
     * @return the table
     */
    static LineTable of(int[] offsets, int[] lines, int count, Instructions instructions, int codeLength) {
        int[] order = order(offsets, count);
        List<LineRange> ranges = new ArrayList<>();
        int[] starts = new int[count];
        int[] firstLines = new int[count];
        int distinct = 0;
        int i = 0;
        while (i < count) {
            int start = offsets[order[i]];
            int first = lines[order[i]];
            int j = i;
            while (j + 1 < count && offsets[order[j + 1]] == start) {
                j++;
            }
            int last = lines[order[j]];
            int end = j + 1 < count ? offsets[order[j + 1]] : codeLength;
            if (distinct == 0 && start > 0) {
                ranges.add(new LineRange(0, start, -1));
            }
            int afterFirst = instructions.nextOffset(start, codeLength);
            if (first == last || afterFirst >= end) {
                ranges.add(new LineRange(start, end, first));
            } else {
                ranges.add(new LineRange(start, afterFirst, first));
                ranges.add(new LineRange(afterFirst, end, last));
            }
            starts[distinct] = start;
            firstLines[distinct] = first;
            distinct++;
            i = j + 1;
        }
        if (distinct == 0 && codeLength > 0) {
            ranges.add(new LineRange(0, codeLength, -1));
        }
        return new LineTable(ranges, Arrays.copyOf(starts, distinct), Arrays.copyOf(firstLines, distinct));
    }

    /** @return the ranges, contiguous, in offset order, covering the whole code */
    List<LineRange> ranges() {
        return ranges;
    }

    /** @return whether a LineNumberTable entry starts at {@code offset} */
    boolean startsEntry(int offset) {
        return Arrays.binarySearch(entryOffsets, offset) >= 0;
    }

    /** @return the line of the range holding {@code offset}, or -1 */
    int lineAt(int offset) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            LineRange r = ranges.get(mid);
            if (offset < r.startOffset()) {
                high = mid - 1;
            } else if (offset >= r.endOffset()) {
                low = mid + 1;
            } else {
                return r.line();
            }
        }
        return -1;
    }

    /**
     * @param targets jump targets and handler starts, in any order, repeats allowed; sorted in place
     * @return the line points, in offset order, one per offset
     */
    List<LinePoint> linePoints(int[] targets) {
        Arrays.sort(targets);
        List<LinePoint> result = new ArrayList<>(entryOffsets.length + targets.length);
        int e = 0;
        int t = 0;
        // Merges the entries (ascending, one per offset) with the targets: an entry's own line comes first.
        while (e < entryOffsets.length || t < targets.length) {
            int target = t < targets.length ? targets[t] : Integer.MAX_VALUE;
            if (e < entryOffsets.length && entryOffsets[e] <= target) {
                int offset = entryOffsets[e];
                int line = entryLines[e++];
                if (line > 0) {
                    result.add(new LinePoint(offset, line));
                    while (t < targets.length && targets[t] == offset) {
                        t++;
                    }
                }
                continue;
            }
            int line = lineAt(target);
            if (line > 0) {
                result.add(new LinePoint(target, line));
            }
            while (t < targets.length && targets[t] == target) {
                t++;
            }
        }
        return List.copyOf(result);
    }

    /**
     * The entries' indexes in offset order, those at one offset in table order: the table's own order where it is
     * sorted already (ASM visits entries in code order), else a stable sort of it.
     */
    private static int[] order(int[] offsets, int count) {
        int[] order = new int[count];
        boolean sorted = true;
        for (int i = 0; i < count; i++) {
            order[i] = i;
            sorted &= i == 0 || offsets[i - 1] <= offsets[i];
        }
        if (!sorted) {
            Integer[] boxed = new Integer[count];
            for (int i = 0; i < count; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Integer.compare(offsets[a], offsets[b])); // stable: keeps table order
            for (int i = 0; i < count; i++) {
                order[i] = boxed[i];
            }
        }
        return order;
    }
}

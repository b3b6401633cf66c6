package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;

import java.util.Arrays;

/**
 * The probe slots one method asks for while its probes are emitted, in emission order: the emitter is the one
 * place that decides where probes go and in which order, and slots follow it. Each slot is pushed by a
 * {@link SlotPush}, whose value {@link #patch} sets once the class's slots are allocated (the first slot of each
 * event's probes in this method is only known then).
 */
final class Slots {

    /** One event's probe locations in this method, and the instructions that push their slots. */
    private static final class Group {
        /** Location {@code i} is {@code (offsets[i], tos[i])}. */
        int[] offsets = new int[8];
        int[] tos = new int[8];
        int locations;
        /** Open-addressed index of the locations: {@code 1 + i} per hashed key, 0 when free. */
        int[] table = new int[16];
        SlotPush[] pushes = new SlotPush[16];
        int pushCount;

        int indexOf(int offset, int to) {
            // A probe pushes its slot twice (test, then call): the last location is the usual answer.
            if (locations > 0 && offsets[locations - 1] == offset && tos[locations - 1] == to) {
                return locations - 1;
            }
            int mask = table.length - 1;
            for (int h = hash(offset, to) & mask; ; h = (h + 1) & mask) {
                int entry = table[h];
                if (entry == 0) {
                    return add(offset, to, h);
                } else if (offsets[entry - 1] == offset && tos[entry - 1] == to) {
                    return entry - 1;
                }
            }
        }

        private int add(int offset, int to, int free) {
            if (locations == offsets.length) {
                offsets = Arrays.copyOf(offsets, locations * 2);
                tos = Arrays.copyOf(tos, locations * 2);
            }
            offsets[locations] = offset;
            tos[locations] = to;
            table[free] = ++locations;
            if (2 * locations > table.length) {
                rehash();
            }
            return locations - 1;
        }

        private void rehash() {
            table = new int[table.length * 2];
            int mask = table.length - 1;
            for (int i = 0; i < locations; i++) {
                int h = hash(offsets[i], tos[i]) & mask;
                while (table[h] != 0) {
                    h = (h + 1) & mask;
                }
                table[h] = i + 1;
            }
        }

        private static int hash(int offset, int to) {
            return (offset * 31 + to) * 0x9E3779B9 >>> 8;
        }

        /** @return the index of a location, or -1 if the method has no probe there */
        int find(int offset, int to) {
            int mask = table.length - 1;
            for (int h = hash(offset, to) & mask; ; h = (h + 1) & mask) {
                int entry = table[h];
                if (entry == 0) {
                    return -1;
                } else if (offsets[entry - 1] == offset && tos[entry - 1] == to) {
                    return entry - 1;
                }
            }
        }

        void addPush(SlotPush push) {
            if (pushCount == pushes.length) {
                pushes = Arrays.copyOf(pushes, pushCount * 2);
            }
            pushes[pushCount++] = push;
        }
    }

    private final int unitIndex;
    private final Group[] groups = new Group[Event.COUNT];
    /** Edges implied by a line's store ({@link #imply}): the line's offset and the edge's push, pair by pair. */
    private int[] impliedLines = new int[0];
    private SlotPush[] impliedEdges = new SlotPush[0];
    private int implied;

    Slots(int unitIndex) {
        this.unitIndex = unitIndex;
    }

    /**
     * An instruction that pushes the slot of a location, once patched; the same location always gets the same slot.
     *
     * @param event the event
     * @param offset the offset, or an edge's {@code from}
     * @param to an edge's destination, or -1
     * @return the instruction to put where the slot number goes
     */
    SlotPush push(Event<?> event, int offset, int to) {
        Group group = groups[event.ordinal()];
        if (group == null) {
            group = groups[event.ordinal()] = new Group();
        }
        SlotPush push = new SlotPush(group.indexOf(offset, to));
        group.addPush(push);
        return push;
    }

    /**
     * Records an edge with no probe of its own, because the line's store at its destination, which only the edge
     * leads to, says that it ran; the edge still has its slot, pushed in emission order like any probe's.
     *
     * @param lineOffset the offset of the line point (the edge's destination), whose LINE probe this method has
     * @param edge the edge's slot, from {@link #push}, not put in the code
     */
    void imply(int lineOffset, SlotPush edge) {
        if (implied == impliedLines.length) {
            impliedLines = Arrays.copyOf(impliedLines, Math.max(8, 2 * implied));
            impliedEdges = Arrays.copyOf(impliedEdges, impliedLines.length);
        }
        impliedLines[implied] = lineOffset;
        impliedEdges[implied++] = edge;
    }

    /**
     * Allocates this method's slots, sets every push to its slot, and hands the allocator the edges that a line's
     * store implies.
     *
     * @param allocator the class's slot allocator
     */
    void patch(SlotAllocator allocator) {
        int lineBase = -1;
        for (int e = 0; e < groups.length; e++) {
            Group group = groups[e];
            if (group == null) {
                continue;
            }
            int n = group.locations;
            int base = allocator.allocate(unitIndex, Event.ofOrdinal(e), Arrays.copyOf(group.offsets, n),
                    Arrays.copyOf(group.tos, n));
            for (int i = 0; i < group.pushCount; i++) {
                group.pushes[i].value += base;
            }
            if (e == Event.LINE.ordinal()) {
                lineBase = base;
            }
        }
        Group lines = groups[Event.LINE.ordinal()];
        for (int i = 0; i < implied; i++) {
            int line = lines == null ? -1 : lines.find(impliedLines[i], -1);
            if (line < 0) {
                throw new IllegalStateException("an edge implied by a line point at " + impliedLines[i]
                        + " where the method has no line probe");
            }
            allocator.imply(lineBase + line, impliedEdges[i].value);
        }
    }
}

package io.lowimpact.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** S27: a position is a span {@code (line, endLine, column, endColumn, sourceIndex)} of an offset range. */
class PositionTest {

    @Test
    void s27_containsOffsetIsHalfOpen() {
        Position p = new Position(10, 20, 2, 2, 4, 9, 0);
        assertFalse(p.containsOffset(9));
        assertTrue(p.containsOffset(10));
        assertTrue(p.containsOffset(19));
        assertFalse(p.containsOffset(20));
        assertFalse(p.containsOffset(-1));
    }

    @Test
    void s27_coversColumnsOnOneLine() {
        Position p = new Position(0, 5, 3, 3, 4, 9, 0);
        assertTrue(p.covers(0, 3, 4));
        assertTrue(p.covers(0, 3, 8));
        assertFalse(p.covers(0, 3, 9), "end column is exclusive");
        assertFalse(p.covers(0, 3, 3));
        assertTrue(p.covers(0, 3, -1), "column -1 matches the whole line");
        assertFalse(p.covers(0, 2, -1));
        assertFalse(p.covers(0, 4, -1));
        assertFalse(p.covers(1, 3, 5), "another source file");
    }

    @Test
    void s27_coversAcrossLines() {
        Position p = new Position(0, 5, 3, 5, 10, 2, 1);
        assertFalse(p.covers(1, 3, 9));
        assertTrue(p.covers(1, 3, 10));
        assertTrue(p.covers(1, 3, 80), "the first line runs to its end");
        assertTrue(p.covers(1, 4, 0), "a middle line is covered whole");
        assertTrue(p.covers(1, 5, 1));
        assertFalse(p.covers(1, 5, 2));
        assertFalse(p.covers(1, 6, -1));
        assertFalse(p.covers(0, 4, 0));
    }

    @Test
    void s27_unknownColumnsCoverWholeLines() {
        Position p = Position.ofLine(0, 4, 7, 0);
        assertEquals(new Position(0, 4, 7, 7, -1, -1, 0), p);
        assertTrue(p.covers(0, 7, 0));
        assertTrue(p.covers(0, 7, 120));
        assertFalse(p.covers(0, 8, 0));
    }

    @Test
    void s27_unknownLineCoversNothing() {
        Position p = new Position(0, 4, -1, -1, -1, -1, -1);
        assertFalse(p.covers(-1, -1, -1));
        assertFalse(p.covers(0, 1, -1));
    }

    @Test
    void s27_unknownEndLineMeansOneLine() {
        Position p = new Position(0, 4, 7, -1, 2, 6, 0);
        assertTrue(p.covers(0, 7, 2));
        assertFalse(p.covers(0, 7, 6));
        assertFalse(p.covers(0, 8, -1));
    }

    @Test
    void s33_positionRejectsNegativeOrEmptyRanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Position(-1, 5, 1, 1, -1, -1, 0));
        assertEquals("invalid position range [-1, 5) (offsets must be >= 0 and the range not empty)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Position(5, 5, 1, 1, -1, -1, 0));
        assertEquals("invalid position range [5, 5) (offsets must be >= 0 and the range not empty)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Position.ofLine(6, 5, 1, 0));
        assertEquals("invalid position range [6, 5) (offsets must be >= 0 and the range not empty)", e.getMessage());
    }

    @Test
    void s33_positionRejectsBadLines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Position(0, 5, 0, 1, -1, -1, 0));
        assertEquals("invalid line 0 (must be >= 1, or -1 for unknown)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Position(0, 5, -2, -1, -1, -1, 0));
        assertEquals("invalid line -2 (must be >= 1, or -1 for unknown)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Position(0, 5, 4, 3, -1, -1, 0));
        assertEquals("invalid end line 3 for line 4 (must be >= line, or -1 for unknown)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Position(0, 5, -1, 3, -1, -1, 0));
        assertEquals("invalid end line 3 for line -1 (must be >= line, or -1 for unknown)", e.getMessage());
    }

    @Test
    void s33_positionRejectsBadColumnsAndSourceIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Position(0, 5, 1, 1, -2, -1, 0));
        assertEquals("invalid columns -2..-1 (must be >= 0, or -1 for unknown)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Position(0, 5, 1, 1, 8, 3, 0));
        assertEquals("invalid columns 8..3 (end before start on one line)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Position(0, 5, 1, 1, -1, -1, -2));
        assertEquals("invalid source index -2 (must be >= 0, or -1 for unknown)", e.getMessage());
        assertEquals(3, new Position(0, 5, 1, 2, 8, 3, 0).endColumn(), "end before start is fine on a later line");
    }
}

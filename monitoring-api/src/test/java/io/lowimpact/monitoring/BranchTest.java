package io.lowimpact.monitoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** S28: a branch is {@code (from, left, rights[])}: one right for an {@code if}, the case targets for a switch. */
class BranchTest {

    @Test
    void s28_ifBranchHasOneRight() {
        Branch b = new Branch(10, 20, 25);
        assertEquals(10, b.from());
        assertEquals(20, b.left());
        assertArrayEquals(new int[] {25}, b.rights());
        assertTrue(b.hasRight(25));
        assertFalse(b.hasRight(20), "the left edge is not a right edge");
        assertEquals("Branch(10, left=20, rights=[25])", b.toString());
    }

    @Test
    void s28_switchBranchKeepsCaseOrder() {
        Branch b = new Branch(3, 40, 12, 8, 30);
        assertArrayEquals(new int[] {12, 8, 30}, b.rights());
        assertTrue(b.hasRight(8));
        assertFalse(b.hasRight(40));
        assertEquals("Branch(3, left=40, rights=[12, 8, 30])", b.toString());
    }

    @Test
    void s28_rightsIsACopy() {
        int[] rights = {25, 26};
        Branch b = new Branch(10, 20, rights);
        rights[0] = 99;
        assertArrayEquals(new int[] {25, 26}, b.rights());
        b.rights()[1] = 99;
        assertArrayEquals(new int[] {25, 26}, b.rights());
    }

    @Test
    void s28_equalsByValue() {
        assertEquals(new Branch(10, 20, 25, 26), new Branch(10, 20, 25, 26));
        assertEquals(new Branch(10, 20, 25, 26).hashCode(), new Branch(10, 20, 25, 26).hashCode());
        assertNotEquals(new Branch(10, 20, 25, 26), new Branch(10, 20, 26, 25));
        assertNotEquals(new Branch(10, 20, 25), new Branch(10, 21, 25));
        assertNotEquals(new Branch(10, 20, 25), new Branch(11, 20, 25));
        assertNotEquals(new Branch(10, 20, 25), null);
    }

    @Test
    void s33_rejectsNegativeOffsets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Branch(-1, 3, 4));
        assertEquals("invalid branch -1 -> 3 (offsets must be >= 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Branch(2, -3, 4));
        assertEquals("invalid branch 2 -> -3 (offsets must be >= 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Branch(2, 3, 4, -5));
        assertEquals("invalid branch 2 -> -5 (offsets must be >= 0)", e.getMessage());
    }

    @Test
    void s33_rejectsNoRightEdge() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Branch(7, 3));
        assertEquals("branch at offset 7 has no right edge", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Branch(7, 3, (int[]) null));
        assertEquals("branch at offset 7 has no right edge", e.getMessage());
    }
}

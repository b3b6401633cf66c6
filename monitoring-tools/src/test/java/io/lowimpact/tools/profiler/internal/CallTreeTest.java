package io.lowimpact.tools.profiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The call tree's child lookup: the first child, then the move-to-front list, through the array's growth. */
class CallTreeTest {

    @Test
    void wideNodeFindsEveryChildAgainAfterTheArrayGrew() {
        CallTree tree = new CallTree();
        int[] child = new int[10_000];
        for (int k = 0; k < child.length; k++) {
            child[k] = tree.child(CallTree.ROOT, k);
            assertEquals(k + 1, child[k]); // a new node each, in order
        }
        for (int k = child.length - 1; k >= 0; k -= 7) {
            assertEquals(child[k], tree.child(CallTree.ROOT, k));
            tree.enter(child[k]);
            tree.addTime(child[k], k);
        }
        TreeData data = tree.copy();
        assertEquals(10_001, data.size());
        for (int k = 0; k < child.length; k++) {
            assertEquals(k, data.key(child[k]));
            assertEquals(CallTree.ROOT, data.parent(child[k]));
            boolean visited = (child.length - 1 - k) % 7 == 0;
            assertEquals(visited ? 1 : 0, data.count(child[k]));
            assertEquals(visited ? k : 0, data.inclusive(child[k]));
        }
    }

    @Test
    void treesSharingABudgetMakeNoPathPastItAndKeepFindingTheirOwn() {
        PathBudget budget = PathBudget.of(3);
        CallTree one = new CallTree(budget);
        CallTree two = new CallTree(budget);
        int a = one.child(CallTree.ROOT, 1);
        int b = two.child(CallTree.ROOT, 1);
        int c = one.child(a, 2);
        assertEquals(CallTree.UNTRACKED, two.child(b, 2), "the third path was the last");
        assertEquals(CallTree.UNTRACKED, one.child(CallTree.ROOT, 3));
        assertEquals(a, one.child(CallTree.ROOT, 1), "paths made before are still found");
        assertEquals(c, one.child(a, 2));
        assertEquals(b, two.child(CallTree.ROOT, 1));
        assertEquals(3, one.copy().size());
        assertEquals(2, two.copy().size());
    }

    @Test
    void budgetsFollowTheHeapAndRefuseLessThanOnePath() {
        assertEquals(PathBudget.MIN, PathBudget.forHeap(1 << 20).max());
        assertEquals((1L << 30) / 256, PathBudget.forHeap(1L << 30).max());
        assertEquals("the call path limit must be at least 1: 0",
                assertThrows(IllegalArgumentException.class, () -> PathBudget.of(0)).getMessage());
    }

    @Test
    void parentsAcrossTheWideThresholdKeepTheirOwnChildren() {
        CallTree tree = new CallTree();
        int narrow = tree.child(CallTree.ROOT, 1);
        int wide = tree.child(CallTree.ROOT, 2);
        int[] narrowChild = new int[CallTree.WIDE];
        int[] wideChild = new int[CallTree.WIDE + 3];
        for (int k = 0; k < wideChild.length; k++) {
            wideChild[k] = tree.child(wide, 100 + k);
            if (k < narrowChild.length) {
                narrowChild[k] = tree.child(narrow, 100 + k); // the same keys under another parent
            }
        }
        for (int round = 0; round < 3; round++) {
            for (int k = wideChild.length - 1; k >= 0; k--) {
                assertEquals(wideChild[k], tree.child(wide, 100 + k));
                if (k < narrowChild.length) {
                    assertEquals(narrowChild[k], tree.child(narrow, 100 + k));
                }
            }
        }
        TreeData data = tree.copy();
        assertEquals(3 + narrowChild.length + wideChild.length, data.size());
        for (int k = 0; k < wideChild.length; k++) {
            assertEquals(wide, data.parent(wideChild[k]));
            assertEquals(100 + k, data.key(wideChild[k]));
        }
        assertEquals(narrowChild.length + wideChild.length + 3,
                tree.child(narrow, 100 + CallTree.WIDE)); // the narrow parent's ninth child is a new node
    }

    @Test
    void recursionGetsOneNodePerLevelAndFindsThemAgain() {
        CallTree tree = new CallTree();
        int[] path = new int[5_000];
        int n = CallTree.ROOT;
        for (int i = 0; i < path.length; i++) {
            n = tree.child(n, 42);
            path[i] = n;
        }
        n = CallTree.ROOT;
        for (int i = 0; i < path.length; i++) {
            n = tree.child(n, 42);
            assertEquals(path[i], n);
            tree.enter(n);
        }
        TreeData data = tree.copy();
        assertEquals(5_001, data.size());
        for (int i = 1; i < path.length; i++) {
            assertEquals(path[i - 1], data.parent(path[i]));
            assertEquals(1, data.count(path[i]));
        }
    }

    @Test
    void externalKeysParentsAndKeysAreKeptApart() {
        CallTree tree = new CallTree();
        int unit = tree.child(CallTree.ROOT, 1);
        int external = tree.child(CallTree.ROOT, -1);
        int other = tree.child(CallTree.ROOT, 2);
        assertNotEquals(unit, external);
        int a = tree.child(unit, 2);
        int b = tree.child(other, 1);
        assertNotEquals(a, b);
        assertEquals(external, tree.child(CallTree.ROOT, -1));
        assertEquals(unit, tree.child(CallTree.ROOT, 1));
        assertEquals(a, tree.child(unit, 2));
        assertEquals(b, tree.child(other, 1));
        TreeData data = tree.copy();
        assertEquals(6, data.size());
        assertEquals(-1, data.key(external));
        assertEquals(unit, data.parent(a));
        assertEquals(other, data.parent(b));
    }
}

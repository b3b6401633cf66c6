package io.lowimpact.coverage.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class DataSetTest {

    @Test
    void addCountsAndMatchContextsByName() {
        DataSet a = Samples.oneClass("a.A", 7, 2, "t1");
        a.context("t0");
        DataSet b = Samples.oneClass("a.A", 7, 3, "t0");
        a.mergeFrom(b);
        assertEquals(List.of("t1", "t0"), a.contexts());
        MethodRecord m = a.get("a.A", 7).method("run", "()V");
        assertEquals(5, m.lineHits(0));
        assertEquals("{0, 1}", m.lineContexts(0).toString());
        assertEquals(5, m.branches().get(0).hits(1));
        assertEquals(2, a.sessions().size());
        assertEquals(3, b.get("a.A", 7).method("run", "()V").lineHits(0)); // the merged-in set is not changed
    }

    @Test
    void keepVersionsOfAClassApart() {
        DataSet a = Samples.oneClass("a.A", 7, 2, "t");
        a.mergeFrom(Samples.oneClass("a.A", 8, 3, "t"));
        assertEquals(2, a.versions("a.A").size());
        assertEquals(2, a.get("a.A", 7).method("run", "()V").lineHits(0));
        assertEquals(3, a.get("a.A", 8).method("run", "()V").lineHits(0));
    }

    @Test
    void refuseToMergeAMethodWithOtherLines() {
        DataSet a = Samples.oneClass("a.A", 7, 2, "t");
        DataSet b = new DataSet();
        ClassRecord c = new ClassRecord("a.A", 7, "A.java");
        c.add(new MethodRecord("run", "()V", new int[] {3, 5}, List.of()));
        b.add(c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.mergeFrom(b));
        assertEquals("method run()V has other lines or branches in the two data sets", e.getMessage());
    }
}

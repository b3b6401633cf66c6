package io.lowimpact.coverage.internal.data;

import java.util.List;

/** Small data sets for the data file tests. */
final class Samples {

    private Samples() {
    }

    /** @return a data set with one class {@code name}, line 3 hit {@code hits} times in context {@code context} */
    static DataSet oneClass(String name, long crc, long hits, String context) {
        DataSet data = new DataSet();
        data.addSession(new Session("host/1", 1000, 2000));
        int ctx = data.context(context);
        ClassRecord c = new ClassRecord(name, crc, "A.java");
        BranchRecord branch = new BranchRecord(2, 3, new int[] {5, 9}, new int[] {4, 6});
        branch.addHits(1, hits);
        MethodRecord m = new MethodRecord("run", "()V", new int[] {3, 4, 6}, List.of(branch));
        m.addLineHits(0, hits);
        m.addLineContext(0, ctx);
        m.addLineHits(2, hits);
        c.add(m);
        data.add(c);
        return data;
    }
}

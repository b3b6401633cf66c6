package io.lowimpact.coverage.internal.data;

import java.nio.file.Path;

/** Appends {@code n} one-class data sets to a file: {@code AppendMain <file> <name> <n>}; a child JVM of a test. */
public final class AppendMain {

    private AppendMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[2]);
        for (int i = 0; i < n; i++) {
            DataFiles.append(file, Samples.oneClass(args[1] + ".C" + i, 1, 1, args[1]));
        }
    }
}

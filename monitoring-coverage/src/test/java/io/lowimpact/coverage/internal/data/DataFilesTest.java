package io.lowimpact.coverage.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lowimpact.coverage.CoverageFileException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

    @TempDir
    Path dir;

    @Test
    void mergeWhenAppending() throws Exception {
        Path file = dir.resolve("sub/a.cov");
        DataFiles.append(file, Samples.oneClass("a.A", 1, 1, "t1"));
        DataFiles.append(file, Samples.oneClass("a.A", 1, 1, "t2"));
        DataFiles.append(file, Samples.oneClass("b.B", 1, 1, "t1"));
        DataSet data = DataFiles.read(file);
        assertEquals(List.of("t1", "t2"), data.contexts());
        assertEquals(2, data.get("a.A", 1).method("run", "()V").lineHits(0));
        assertEquals(2, data.classes().size());
        assertEquals(3, data.sessions().size());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of("a.cov", "a.cov.lock"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void leaveAnUnreadableFileAsItIs() throws Exception {
        Path file = dir.resolve("a.cov");
        byte[] junk = {'P', 'K', 3, 4};
        Files.write(file, junk);
        CoverageFileException e = assertThrows(CoverageFileException.class,
                () -> DataFiles.append(file, Samples.oneClass("a.A", 1, 1, "t")));
        assertEquals(file + ": not a Lowimpact coverage data file (it looks like a zip or jar file)", e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(file));
    }

    @Test
    void loseNothingWhenThreadsAppendToOneFile() throws Exception {
        Path file = dir.resolve("a.cov");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    try {
                        DataFiles.append(file, Samples.oneClass("t" + id + ".C" + i, 1, 1, "x"));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(40, DataFiles.read(file).classes().size());
    }

    @Test
    void loseNothingWhenTwoJvmsAppendToOneFile() throws Exception {
        Path file = dir.resolve("shared.cov");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (String name : new String[] {"first", "second"}) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AppendMain.class.getName(), file.toString(), name, "25")
                    .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start());
        }
        for (Process p : processes) {
            assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "a JVM did not finish");
            assertEquals(0, p.exitValue(), () -> log(dir));
        }
        DataSet data = DataFiles.read(file);
        assertEquals(50, data.classes().size());
        assertEquals(50, data.sessions().size());
    }

    private static String log(Path dir) {
        StringBuilder b = new StringBuilder();
        for (String name : new String[] {"first", "second"}) {
            try {
                b.append(name).append(": ").append(Files.readString(dir.resolve(name + ".log"))).append(File.separator);
            } catch (Exception e) {
                b.append(e);
            }
        }
        return b.toString();
    }
}

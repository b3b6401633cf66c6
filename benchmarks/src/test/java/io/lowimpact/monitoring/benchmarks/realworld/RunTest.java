package io.lowimpact.monitoring.benchmarks.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {

    @Test
    void savedRunLoadsBackWithItsResult(@TempDir Path dir) throws IOException {
        Run run = new Run(Mode.LINE_BRANCH, 3, dir, false);
        run.wallNanos = 12_345_678_901L;
        run.exitCode = 0;
        run.loadBefore = "1.00/2.00/3.00";
        run.loadAfter = "4.00/5.00/6.00";
        run.save();
        Files.write(dir.resolve("result.properties"), List.of("rc=0", "cpuNanos=2500000000", "heapUsed=1048576",
                "tool.lineEvents=7"));

        Run back = Run.load(dir);
        assertEquals(Mode.LINE_BRANCH, back.mode);
        assertEquals(3, back.round);
        assertFalse(back.diagnostic);
        assertEquals(12_345_678_901L, back.wallNanos);
        assertFalse(back.timedOut);
        assertEquals("1.00/2.00/3.00", back.loadBefore);
        assertEquals("4.00/5.00/6.00", back.loadAfter);
        assertTrue(back.ok());
        assertEquals(2.5e9, back.value("cpuNanos"));
        assertEquals(1048576.0, back.value("heapUsed"));
        assertEquals("7", back.result.get("tool.lineEvents"));
    }

    @Test
    void timedOutRunIsNotOk(@TempDir Path dir) throws IOException {
        Run run = new Run(Mode.RESTART, 1, dir, true);
        run.timedOut = true;
        run.exitCode = 143;
        run.save();
        Run back = Run.load(dir);
        assertTrue(back.timedOut);
        assertTrue(back.diagnostic);
        assertFalse(back.ok());
        assertTrue(Double.isNaN(back.value("cpuNanos")));
    }
}

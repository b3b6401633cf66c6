package io.lowimpact.coverage.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.coverage.CoverageFileException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DataFormatTest {

    private static final Path FILE = Path.of("target/x.cov");

    @Test
    void roundTrip() throws Exception {
        DataSet data = Samples.oneClass("a.A", 0x1234, 2, "t1");
        byte[] bytes = DataFormat.encode(data);
        DataSet back = DataFormat.decode(FILE, bytes);
        assertArrayEquals(bytes, DataFormat.encode(back));
        MethodRecord m = back.get("a.A", 0x1234).method("run", "()V");
        assertEquals(2, m.lineHits(0));
        assertEquals("{0}", m.lineContexts(0).toString());
        assertEquals(2, m.branches().get(0).hits(1));
        assertEquals(6, m.branches().get(0).targetLine(1));
        assertEquals("host/1", back.sessions().get(0).id());
    }

    @Test
    void rejectAnEmptyFile() {
        assertProblem("empty file (0 bytes): not a Lowimpact coverage data file", new byte[0]);
    }

    @Test
    void rejectAForeignFile() {
        assertProblem("not a Lowimpact coverage data file (it starts with bytes 3c 3f 78 6d 6c 20 76 65)",
                "<?xml version=\"1.0\"?>".getBytes(StandardCharsets.US_ASCII));
        assertProblem("not a Lowimpact coverage data file (it looks like a zip or jar file)",
                new byte[] {'P', 'K', 3, 4, 0, 0});
        assertProblem("not a Lowimpact coverage data file (it looks like a JaCoCo .exec file; report it with JaCoCo)",
                new byte[] {1, (byte) 0xc0, (byte) 0xc0, 0x10, 0x07});
    }

    @Test
    void rejectANewerFormat() {
        byte[] bytes = DataFormat.encode(Samples.oneClass("a.A", 1, 1, "t"));
        bytes[9] = 2; // the version's low byte, after the 8-byte magic
        assertProblem("written in data format version 2, newer than this reader's version 1: use a newer Lowimpact"
                + " to read it", bytes);
    }

    @Test
    void rejectATruncatedFile() {
        byte[] bytes = DataFormat.encode(Samples.oneClass("a.A", 1, 1, "t"));
        for (int length : new int[] {bytes.length - 1, bytes.length - 12, bytes.length / 2, 12}) {
            assertProblem("truncated: " + length + " bytes, the end marker is missing (was the writing JVM killed"
                    + " while writing?)", Arrays.copyOf(bytes, length));
        }
        assertProblem("truncated: 9 bytes, no format version", Arrays.copyOf(bytes, 9));
    }

    @Test
    void rejectACorruptFile() {
        byte[] bytes = DataFormat.encode(Samples.oneClass("a.A", 1, 1, "t"));
        bytes[bytes.length / 2] ^= 0x40;
        CoverageFileException e = assertThrows(CoverageFileException.class, () -> DataFormat.decode(FILE, bytes));
        assertTrue(e.getMessage().startsWith(FILE + ": corrupt: checksum "), e.getMessage());
        assertTrue(e.getMessage().contains(" does not match the stored "), e.getMessage());
        assertEquals(FILE, e.file());
    }

    private static void assertProblem(String problem, byte[] bytes) {
        CoverageFileException e = assertThrows(CoverageFileException.class, () -> DataFormat.decode(FILE, bytes));
        assertEquals(problem, e.problem());
        assertEquals(FILE + ": " + problem, e.getMessage());
    }
}

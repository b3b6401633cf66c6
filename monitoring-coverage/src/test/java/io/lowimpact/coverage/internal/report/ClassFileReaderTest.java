package io.lowimpact.coverage.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.coverage.CoverageOptions;
import io.lowimpact.coverage.Targets;
import io.lowimpact.coverage.internal.data.BranchRecord;
import io.lowimpact.coverage.internal.data.ClassRecord;
import io.lowimpact.coverage.internal.data.DataSet;
import io.lowimpact.coverage.internal.data.MethodRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The report's class-file reader must see the lines and branches that the monitoring agent's analysis gives the
 * recorder ({@code CodeUnit.lines()}, {@code CodeUnit.branches()}), method by method, for every method that ran.
 */
class ClassFileReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ifs", "Loops", "Switches", "Exceptions", "Lambdas", "Objects"})
    void agreeWithTheAgentsAnalysis(String name) throws Exception {
        Class<?> target = Class.forName("example.validation." + name);
        DataSet data = Fixtures.record(target, CoverageOptions.defaults(), loaded -> Targets.call(loaded, "run"));
        int compared = 0;
        for (ClassRecord recorded : data.classes()) {
            ClassFileReader.Result read = ClassFileReader.read(Targets.classFile(recorded.name()));
            assertEquals(recorded.name(), read.name());
            if (read.structure() == null) {
                continue; // a synthetic class
            }
            assertEquals(recorded.sourceFile(), read.structure().sourceFile());
            for (MethodRecord m : recorded.methods()) {
                MethodRecord scanned = read.structure().method(m.name(), m.descriptor());
                if (scanned == null) {
                    continue; // left out by MethodFilter
                }
                assertEquals(shape(m), shape(scanned), recorded.name() + "." + m.key());
                compared++;
            }
        }
        assertTrue(compared >= 3, "compared " + compared + " methods");
    }

    @Test
    void refuseWhatIsNotAClassFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassFileReader.read(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertEquals("not a class file (no CAFEBABE)", e.getMessage());
        byte[] truncated = Arrays.copyOf(Targets.classFile("example.targets.Basics"), 100);
        e = assertThrows(IllegalArgumentException.class, () -> ClassFileReader.read(truncated));
        assertTrue(e.getMessage().startsWith("malformed class file: java.nio.BufferUnderflowException"), e.getMessage());
    }

    private static String shape(MethodRecord m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.lineCount(); i++) {
            out.add("L" + m.line(i));
        }
        for (BranchRecord b : m.branches()) {
            StringBuilder s = new StringBuilder("B" + b.from() + "@" + b.line() + ":");
            for (int e = 0; e < b.edgeCount(); e++) {
                s.append(e == 0 ? "" : ",").append(b.target(e)).append("@").append(b.targetLine(e));
            }
            out.add(s.toString());
        }
        return String.join(" ", out);
    }
}

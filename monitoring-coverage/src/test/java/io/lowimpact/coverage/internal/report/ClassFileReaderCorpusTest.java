package io.lowimpact.coverage.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.coverage.internal.data.BranchRecord;
import io.lowimpact.coverage.internal.data.ClassRecord;
import io.lowimpact.coverage.internal.data.MethodRecord;
import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The report's class-file reader against the monitoring agent's analysis on a corpus that no test wrote: the classes
 * of {@code java.util} and its sub-packages. Each class is analysed by {@link OfflineInstrumenter} (which registers
 * its code units without loading it); for every method the reader keeps, its lines and branches must be the unit's.
 */
class ClassFileReaderCorpusTest {

    @Test
    void agreeWithTheAgentsAnalysisOnJavaUtil() throws Exception {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(jrt.getPath("/modules/java.base/java/util"))) {
            classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        int methods = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path file : classes) {
            byte[] bytes = Files.readAllBytes(file);
            ClassRecord scanned = ClassFileReader.read(bytes).structure();
            if (scanned == null) {
                continue;
            }
            OfflineInstrumenter.instrument(bytes, EventSet.of(Event.LINE).union(EventSet.BRANCH));
            for (MethodRecord m : scanned.methods()) {
                Optional<CodeUnit> unit = CodeUnit.find(scanned.name(), m.name(), m.descriptor());
                if (unit.isEmpty()) {
                    disagreements.add(scanned.name() + "." + m.key() + ": no code unit");
                    continue;
                }
                String expected = shape(unit.get());
                String actual = shape(m);
                if (!expected.equals(actual)) {
                    disagreements.add(scanned.name() + "." + m.key() + ": agent " + expected + ", reader " + actual);
                }
                methods++;
            }
        }
        assertTrue(methods > 5000, "compared " + methods + " methods of " + classes.size() + " classes");
        assertEquals(List.of(), disagreements.subList(0, Math.min(20, disagreements.size())),
                disagreements.size() + " disagreements");
    }

    private static String shape(CodeUnit unit) {
        TreeSet<Integer> lines = new TreeSet<>();
        for (LineRange r : unit.lines()) {
            if (r.line() >= 0) {
                lines.add(r.line());
            }
        }
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add("L" + l));
        for (Branch b : unit.branches()) {
            StringBuilder s = new StringBuilder("B" + b.from() + ":" + b.left());
            for (int r : b.rights()) {
                s.append(',').append(r);
            }
            out.add(s.toString());
        }
        return String.join(" ", out);
    }

    private static String shape(MethodRecord m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.lineCount(); i++) {
            out.add("L" + m.line(i));
        }
        for (BranchRecord b : m.branches()) {
            StringBuilder s = new StringBuilder("B" + b.from() + ":" + b.target(0));
            for (int e = 1; e < b.edgeCount(); e++) {
                s.append(',').append(b.target(e));
            }
            out.add(s.toString());
        }
        return String.join(" ", out);
    }
}

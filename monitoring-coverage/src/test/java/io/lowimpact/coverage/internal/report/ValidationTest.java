package io.lowimpact.coverage.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.coverage.CoverageOptions;
import io.lowimpact.coverage.Targets;
import io.lowimpact.coverage.internal.data.DataSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact line and branch coverage of small programs, as JaCoCo's validation targets: each measured line of a
 * target carries its expected outcome in a comment ({@code // covered}, {@code // partly 1 of 2} for branch edges
 * taken of all, {@code // partly} for a line reached in only some of the code units that have it,
 * {@code // missed}); lines without a comment must not be measured. The target's {@code run()} runs on an
 * instrumented copy while coverage is recorded; the report's view of its source file must equal the comments.
 */
class ValidationTest {

    private static final Pattern EXPECTATION = Pattern.compile("//\\s*(covered|partly|missed)(?:\\s+(\\d+) of (\\d+))?");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"Ifs", "Loops", "Switches", "Exceptions", "Lambdas", "Objects"})
    void coverExactlyWhatTheCommentsSay(String name) throws Exception {
        Class<?> target = Class.forName("example.validation." + name);
        DataSet data = Fixtures.record(target, CoverageOptions.defaults(), loaded -> {
            Object thrown = Targets.call(loaded, "run");
            if (thrown instanceof Throwable) {
                throw new AssertionError("run() threw", (Throwable) thrown);
            }
        });
        Bundle bundle = Analyzer.analyze(name, data, List.of(Fixtures.classes(dir, target)));
        assertEquals(List.of(), bundle.problems());
        Bundle.SourceFile file = bundle.sourceFiles("example/validation").get(name + ".java");
        Path source = Fixtures.SOURCES.resolve("example/validation/" + name + ".java");
        assertEquals(expected(Files.readAllLines(source)), actual(file.lines), name + ".java");
    }

    private static String expected(List<String> source) {
        Map<Integer, String> out = new TreeMap<>();
        for (int i = 0; i < source.size(); i++) {
            Matcher m = EXPECTATION.matcher(source.get(i));
            if (m.find()) {
                out.put(i + 1, m.group(1) + (m.group(2) == null ? "" : " " + m.group(2) + " of " + m.group(3)));
            }
        }
        return lines(out);
    }

    private static String actual(Map<Integer, LineCoverage> lines) {
        Map<Integer, String> out = new TreeMap<>();
        for (LineCoverage l : lines.values()) {
            String status = l.status().name().toLowerCase(java.util.Locale.ROOT);
            if (l.edges > 0 && l.status() != LineCoverage.Status.MISSED) {
                status += " " + l.edgesTaken + " of " + l.edges;
            }
            out.put(l.line, status);
        }
        return lines(out);
    }

    private static String lines(Map<Integer, String> byLine) {
        List<String> out = new ArrayList<>();
        byLine.forEach((line, s) -> out.add(line + ": " + s));
        return String.join("\n", out);
    }
}

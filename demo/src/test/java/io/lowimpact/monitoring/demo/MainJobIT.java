package io.lowimpact.monitoring.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.coverage.CoverageData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs README's first command, exactly as README writes it (after {@code mvn ... package &&}), from the repository's
 * root in a child JVM: the sample application's tests under the coverage tool, then the older demo.
 */
class MainJobIT {

    private static final Path ROOT = Path.of(System.getProperty("lowimpact.root"));

    @Test
    void readmesMainJobRunsTheSampleTestsUnderCoverageAndWritesTheReports() throws Exception {
        List<String> command = readmeCommand();
        assertEquals("java", command.get(0), "README's command after && starts with java: " + command);
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path out = ROOT.resolve("demo/target/coverage");
        Files.deleteIfExists(out.resolve("coverage.xml"));
        Files.deleteIfExists(out.resolve("html/index.html"));

        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String output = read(process.getInputStream());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the main job ends within a minute");
        String errors = stderr.get();

        List<String> lines = output.lines().toList();
        int end = lines.indexOf("== injected events: a tiny interpreter's scripts ==");
        assertEquals(List.of(
                "== coverage of the sample application's tests (example.tests, per-test contexts) ==",
                "tests: 5 found, 5 passed, 0 failed",
                "contexts recorded: 5 (one per test; the HTML report names, per line, the tests that reached it)",
                "  example.tests.InventoryTest#levelNamesHowMuchThereIs()",
                "  example.tests.InventoryTest#loadSkipsCommentsAndCountsMalformedLines()",
                "  example.tests.InventoryTest#reorderListsTheItemsBelowTheThreshold()",
                "  example.tests.RestockTest#ordersNothingWhenThereIsEnough()",
                "  example.tests.RestockTest#ordersWholePacks()",
                "example.inventory.Inventory: lines 26 of 27 covered, branches 15 of 17 covered",
                "example.inventory.Restock: lines 8 of 9 covered, branches 3 of 4 covered",
                "missed arcs: 3",
                "  Inventory.java: line 22 \u2192 line 21 (offset 34 \u2192 9, right)",
                "  Inventory.java: line 63 \u2192 line 67 (offset 22 \u2192 51, right)",
                "  Restock.java: line 13 \u2192 line 14 (offset 6 \u2192 9, left)",
                "XML report: demo/target/coverage/coverage.xml",
                "LCOV report: demo/target/coverage/lcov.info",
                "data file (written at exit by the coverage agent): demo/target/coverage/demo.cov",
                "HTML report: demo/target/coverage/html/index.html",
                ""),
                end < 0 ? lines : lines.subList(0, end), output + errors);
        // The older demo follows, unchanged (DemoTest and DemoIT check its lines).
        assertTrue(output.contains("  malformed lines: 1, reorder below 5: [apples, figs], pears: plenty"), output);
        assertEquals("", errors);
        assertEquals(0, process.exitValue(), output + errors);

        for (String report : List.of("coverage.xml", "lcov.info", "html/index.html",
                "html/src/example/inventory/Inventory.java.html", "html/src/example/inventory/Restock.java.html")) {
            assertTrue(Files.size(out.resolve(report)) > 0, report);
        }
        assertTrue(Files.readString(out.resolve("lcov.info")).contains("SF:"), "LCOV names its source files");
        CoverageData data = CoverageData.read(out.resolve("demo.cov"));
        assertEquals(List.of("example.inventory.Inventory", "example.inventory.Restock"),
                new ArrayList<>(data.classNames()));
        assertEquals(5, data.contexts().size());
    }

    /** @return README's first set-up command after {@code &&}, split as a POSIX shell would (double quotes only) */
    static List<String> readmeCommand() throws IOException {
        String line = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("mvn -B -q -DskipTests package && java "))
                .findFirst().orElseThrow(() -> new AssertionError("README has no main job command"));
        String java = line.substring(line.indexOf("&& ") + 3);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : java.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (c == ' ' && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                assertTrue(quoted || "'\\$`;|&<>*?[".indexOf(c) < 0, "a shell character this split does not handle: " + c);
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

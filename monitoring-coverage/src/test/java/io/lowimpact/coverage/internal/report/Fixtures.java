package io.lowimpact.coverage.internal.report;

import io.lowimpact.coverage.Coverage;
import io.lowimpact.coverage.CoverageData;
import io.lowimpact.coverage.CoverageDataAccess;
import io.lowimpact.coverage.CoverageOptions;
import io.lowimpact.coverage.Targets;
import io.lowimpact.coverage.internal.data.DataSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Records coverage of target classes and copies their class files into a directory of their own. */
final class Fixtures {

    private Fixtures() {
    }

    /** Runs {@code body} on the instrumented copy of {@code target} while coverage is recorded. */
    static DataSet record(Class<?> target, CoverageOptions options, Consumer<Class<?>> body) {
        Coverage coverage = Coverage.start(options);
        try {
            body.accept(Targets.load(target));
            CoverageData data = coverage.snapshot();
            return CoverageDataAccess.dataSet(data);
        } finally {
            coverage.stop();
        }
    }

    /** Copies the class files of the given top-level classes and their nested classes into {@code dir}. */
    static Path classes(Path dir, Class<?>... tops) throws IOException {
        for (Class<?> top : tops) {
            String path = top.getName().replace('.', '/');
            Path source = Path.of(top.getProtectionDomain().getCodeSource().getLocation().getPath());
            Path folder = source.resolve(path).getParent();
            String simple = top.getSimpleName();
            try (var files = Files.list(folder)) {
                for (Path f : files.filter(f -> f.getFileName().toString().equals(simple + ".class")
                        || f.getFileName().toString().startsWith(simple + "$")).toList()) {
                    Path to = dir.resolve(source.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        return dir;
    }

    /** The test sources, for listings. */
    static final Path SOURCES = Path.of("src/test/java");
}

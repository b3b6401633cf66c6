package io.lowimpact.monitoring.instrument.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The target classes of {@code ...analysis.targets}: their class files, as the test class path holds them. */
final class TargetClasses {

    static final String PACKAGE = "io.lowimpact.monitoring.instrument.internal.analysis.targets";

    private TargetClasses() {
    }

    /** @return the bytes of {@code targets/<simpleName>.class} ({@code "Constructors$Derived"} for nested ones) */
    static byte[] bytes(String simpleName) {
        String resource = "targets/" + simpleName + ".class";
        try (InputStream in = TargetClasses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " next to " + TargetClasses.class);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the analysis of a target class */
    static ClassAnalysis analyze(String simpleName) {
        return ClassAnalyzer.analyze(bytes(simpleName));
    }

    /** @return the method of a target class, which must exist */
    static MethodAnalysis method(String simpleName, String name, String descriptor) {
        return analyze(simpleName).method(name, descriptor)
                .orElseThrow(() -> new AssertionError("no method " + name + descriptor + " in " + simpleName));
    }

    /** @return every class file of the targets package, nested, anonymous and synthetic classes included */
    static List<Path> classFiles() {
        try {
            Path dir = Path.of(TargetClasses.class.getResource("targets").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.lowimpact.coverage.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds source files under source roots. */
final class Sources {

    private Sources() {
    }

    /** @return the first {@code root/path} that exists, or null */
    static Path find(List<Path> roots, String path) {
        for (Path root : roots) {
            Path candidate = root.resolve(path);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** @return the lines of the source file, or null when it is not found or not readable */
    static List<String> lines(List<Path> roots, String path) {
        Path file = find(roots, path);
        if (file == null) {
            return null;
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}

package io.lowimpact.coverage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A coverage data file that cannot be read: not a Lowimpact coverage file, written by a newer format version,
 * truncated, or corrupt. The message names the file and what is wrong with it, for example
 * {@code "target/a.cov: truncated: 112 bytes, the end marker is missing (was the writing JVM killed?)"}.
 */
public final class CoverageFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file, as given. */
    private final transient Path file;

    /** What is wrong with it. */
    private final String problem;

    /**
     * @param file the file
     * @param problem what is wrong with it
     */
    public CoverageFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** @return the file, as given to the reader */
    public Path file() {
        return file;
    }

    /** @return what is wrong with the file, without its name */
    public String problem() {
        return problem;
    }
}

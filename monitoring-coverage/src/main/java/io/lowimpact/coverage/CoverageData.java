package io.lowimpact.coverage;

import io.lowimpact.coverage.internal.data.ClassRecord;
import io.lowimpact.coverage.internal.data.DataFiles;
import io.lowimpact.coverage.internal.data.DataSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Coverage data as stored in a data file: the recorded classes (each with the CRC-32 of the class file it was
 * recorded from), their lines and branch edges with hit counts, and the contexts (tests) that reached each line.
 * Read with {@link #read(Path)}, combine with {@link #merge(List)}, write with {@link #write(Path)}.
 *
 * <p>The file format is Lowimpact's own, versioned binary format ({@code docs/coverage.md}); it ends with a
 * marker and a checksum, so a truncated or damaged file is an error, never a silently smaller data set. Not
 * thread-safe.
 */
public final class CoverageData {

    final DataSet data;

    CoverageData(DataSet data) {
        this.data = data;
    }

    /**
     * Reads a data file.
     *
     * @param file the file
     * @return its data
     * @throws CoverageFileException if it is not a coverage data file, was written by a newer format version, is
     *         truncated or corrupt; the message names the file and the problem
     * @throws IOException if it cannot be read
     */
    public static CoverageData read(Path file) throws IOException {
        return new CoverageData(DataFiles.read(Objects.requireNonNull(file, "file must not be null")));
    }

    /**
     * Merges data sets: hit counts add up, contexts are matched by name, and the versions of a class recorded
     * from different class files (different CRCs) are kept apart.
     *
     * @param parts the data sets; not changed
     * @return a new data set
     */
    public static CoverageData merge(List<CoverageData> parts) {
        DataSet merged = new DataSet();
        for (CoverageData part : parts) {
            merged.mergeFrom(part.data);
        }
        return new CoverageData(merged);
    }

    /**
     * Writes this data to a file, replacing it: written beside it, forced to disk and renamed over it.
     *
     * @param file the file
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        DataFiles.write(file, data);
    }

    /** @return the binary names of the recorded classes, sorted */
    public Set<String> classNames() {
        Set<String> names = new TreeSet<>();
        for (ClassRecord c : data.classes()) {
            names.add(c.name());
        }
        return names;
    }

    /** @return the names of the recorded contexts (tests), in the order first seen */
    public List<String> contexts() {
        return data.contexts();
    }

    /** @return how many JVM sessions this data comes from */
    public int sessionCount() {
        return data.sessions().size();
    }
}

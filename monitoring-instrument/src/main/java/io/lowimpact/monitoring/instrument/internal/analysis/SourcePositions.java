package io.lowimpact.monitoring.instrument.internal.analysis;

import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A class's source files and the mapping from its line ranges to positions (spec.md S27).
 *
 * <p>Without an SMAP, or when the SMAP's default stratum is not declared in it (a default of {@code "Java"}), the
 * source files are the SourceFile attribute's name (none without one), and a range's position is its line in file 0.
 * With an SMAP, the source files are the names of the default stratum's files, in order, and a range's line is
 * mapped through that stratum to {@code (file index, input line)}; a line the stratum does not map keeps its class
 * file line, with source index -1 (unknown file). Columns are always -1: bytecode has none.
 */
final class SourcePositions {

    private final List<String> sourceFiles;
    private final SmapStratum stratum;

    private SourcePositions(List<String> sourceFiles, SmapStratum stratum) {
        this.sourceFiles = List.copyOf(sourceFiles);
        this.stratum = stratum;
    }

    /**
     * @param sourceFile the SourceFile attribute, or null
     * @param smap the class's SMAP, or null
     * @return the mapping
     */
    static SourcePositions of(String sourceFile, Smap smap) {
        Optional<SmapStratum> stratum = smap == null ? Optional.empty() : smap.defaultStratum();
        if (stratum.isPresent()) {
            List<String> names = new ArrayList<>();
            stratum.get().files().forEach(f -> names.add(f.name()));
            return new SourcePositions(names, stratum.get());
        }
        return new SourcePositions(sourceFile == null ? List.of() : List.of(sourceFile), null);
    }

    /** @return the files that positions' source indexes point into */
    List<String> sourceFiles() {
        return sourceFiles;
    }

    /**
     * @param ranges a method's line ranges
     * @return one position per range, same offsets
     */
    List<Position> positions(List<LineRange> ranges) {
        List<Position> positions = new ArrayList<>(ranges.size());
        for (LineRange range : ranges) {
            positions.add(position(range));
        }
        return List.copyOf(positions);
    }

    private Position position(LineRange range) {
        int start = range.startOffset();
        int end = range.endOffset();
        if (stratum == null) {
            return Position.ofLine(start, end, range.line(), sourceFiles.isEmpty() ? -1 : 0);
        }
        if (range.line() < 1) {
            return Position.ofLine(start, end, -1, -1);
        }
        Optional<SourceLine> source = stratum.map(range.line());
        if (source.isPresent() && source.get().line() >= 1) {
            return Position.ofLine(start, end, source.get().line(), source.get().fileIndex());
        }
        return Position.ofLine(start, end, range.line(), -1);
    }
}

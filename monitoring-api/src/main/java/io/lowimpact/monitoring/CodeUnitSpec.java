package io.lowimpact.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The description of a code unit defined through the injection API ({@link CodeUnit#define(CodeUnitSpec)}):
 * names, source files, length, position table and branch table. Built with {@link #builder(String, String)};
 * {@link Builder#build()} checks the tables and refuses invalid ones with {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * CodeUnit unit = CodeUnit.define(CodeUnitSpec.builder("templates.page", "render")
 *         .sourceFile("page.tmpl")
 *         .length(30)
 *         .position(new Position(0, 10, 1, 1, 0, 12, 0))
 *         .position(new Position(10, 30, 2, 3, 4, 1, 0))
 *         .branch(10, 20, 25)
 *         .build());
 * }</pre>
 */
public final class CodeUnitSpec {

    private final String className;
    private final String methodName;
    private final String descriptor;
    private final List<String> sourceFiles;
    private final int length;
    private final List<Position> positions;
    private final List<Branch> branches;

    private CodeUnitSpec(Builder b, int length, List<Position> positions, List<Branch> branches) {
        this.className = b.className;
        this.methodName = b.methodName;
        this.descriptor = b.descriptor;
        this.sourceFiles = List.copyOf(b.sourceFiles);
        this.length = length;
        this.positions = List.copyOf(positions);
        this.branches = List.copyOf(branches);
    }

    /**
     * Starts a spec.
     *
     * @param className the unit's namespace (for example the template's or script's name); not blank
     * @param methodName the unit's name; not blank
     * @return a builder
     * @throws IllegalArgumentException if a name is null or blank
     */
    public static Builder builder(String className, String methodName) {
        return new Builder(requireName("class name", className), requireName("method name", methodName));
    }

    private static String requireName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("invalid " + what + " '" + name + "' (must not be null or blank)");
        }
        return name;
    }

    /** @return the namespace */
    public String className() {
        return className;
    }

    /** @return the name */
    public String methodName() {
        return methodName;
    }

    /** @return the descriptor, empty when none was given */
    public String descriptor() {
        return descriptor;
    }

    /** @return the source files, in index order */
    public List<String> sourceFiles() {
        return sourceFiles;
    }

    /** @return the number of offsets */
    public int length() {
        return length;
    }

    /** @return the positions, sorted by start offset, not overlapping */
    public List<Position> positions() {
        return positions;
    }

    /** @return the branches, sorted by {@code from} */
    public List<Branch> branches() {
        return branches;
    }

    /** Collects a spec; {@link #build()} validates it. */
    public static final class Builder {
        private final String className;
        private final String methodName;
        private String descriptor = "";
        private final List<String> sourceFiles = new ArrayList<>();
        private int length = -1;
        private final List<Position> positions = new ArrayList<>();
        private final List<Branch> branches = new ArrayList<>();

        private Builder(String className, String methodName) {
            this.className = className;
            this.methodName = methodName;
        }

        /**
         * @param descriptor a signature text; not null
         * @return this builder
         */
        public Builder descriptor(String descriptor) {
            this.descriptor = Objects.requireNonNull(descriptor, "descriptor must not be null");
            return this;
        }

        /**
         * Adds a source file; its index is the number of files added before it.
         *
         * @param file the file's name or path; not blank
         * @return this builder
         */
        public Builder sourceFile(String file) {
            sourceFiles.add(requireName("source file", file));
            return this;
        }

        /**
         * Sets the number of offsets. Without it, the length is one past the highest offset of the tables.
         *
         * @param length at least 1
         * @return this builder
         */
        public Builder length(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("invalid length " + length + " (must be >= 1)");
            }
            this.length = length;
            return this;
        }

        /**
         * Adds an entry to the position table.
         *
         * @param position the span of a range of offsets
         * @return this builder
         */
        public Builder position(Position position) {
            positions.add(Objects.requireNonNull(position, "position must not be null"));
            return this;
        }

        /**
         * Adds a position known by its line only, in source file 0 if there is one.
         *
         * @param startOffset first offset
         * @param endOffset end offset, exclusive
         * @param line the line
         * @return this builder
         */
        public Builder line(int startOffset, int endOffset, int line) {
            return position(Position.ofLine(startOffset, endOffset, line, sourceFiles.isEmpty() ? -1 : 0));
        }

        /**
         * Adds a conditional branch.
         *
         * @param from the branch's offset
         * @param left the fall-through (or default) destination
         * @param rights the jump (or case) destinations
         * @return this builder
         */
        public Builder branch(int from, int left, int... rights) {
            branches.add(new Branch(from, left, rights));
            return this;
        }

        /**
         * Validates and builds the spec.
         *
         * @return the spec
         * @throws IllegalArgumentException if positions overlap or leave the unit, a source index names no
         *         file, two branches share a {@code from}, or an offset is outside the unit
         */
        public CodeUnitSpec build() {
            List<Position> sorted = new ArrayList<>(positions);
            sorted.sort(Comparator.comparingInt(Position::startOffset));
            List<Branch> sortedBranches = new ArrayList<>(branches);
            sortedBranches.sort(Comparator.comparingInt(Branch::from));
            int len = length >= 0 ? length : derivedLength(sorted, sortedBranches);
            Position previous = null;
            for (Position p : sorted) {
                if (previous != null && p.startOffset() < previous.endOffset()) {
                    throw new IllegalArgumentException("positions overlap: [" + previous.startOffset() + ", "
                            + previous.endOffset() + ") and [" + p.startOffset() + ", " + p.endOffset() + ")");
                }
                if (p.endOffset() > len) {
                    throw new IllegalArgumentException("position [" + p.startOffset() + ", " + p.endOffset()
                            + ") ends past the unit's length " + len);
                }
                if (p.sourceIndex() >= sourceFiles.size()) {
                    throw new IllegalArgumentException("unknown source index " + p.sourceIndex() + " (the unit has "
                            + sourceFiles.size() + " source files)");
                }
                previous = p;
            }
            Branch previousBranch = null;
            for (Branch b : sortedBranches) {
                if (previousBranch != null && previousBranch.from() == b.from()) {
                    throw new IllegalArgumentException("two branches at offset " + b.from());
                }
                checkOffset(b.from(), len, "branch at");
                checkOffset(b.left(), len, "branch " + b.from() + " goes left to");
                for (int r : b.rights()) {
                    checkOffset(r, len, "branch " + b.from() + " goes right to");
                }
                previousBranch = b;
            }
            return new CodeUnitSpec(this, len, sorted, sortedBranches);
        }

        private static int derivedLength(List<Position> sorted, List<Branch> sortedBranches) {
            int max = 0;
            for (Position p : sorted) {
                max = Math.max(max, p.endOffset());
            }
            for (Branch b : sortedBranches) {
                max = Math.max(max, Math.max(b.from(), b.left()) + 1);
                max = Math.max(max, Arrays.stream(b.rights()).max().orElse(0) + 1);
            }
            if (max == 0) {
                throw new IllegalArgumentException("a code unit needs a length, positions or branches");
            }
            return max;
        }

        private static void checkOffset(int offset, int length, String what) {
            if (offset >= length) {
                throw new IllegalArgumentException(what + " offset " + offset + " outside the unit (length " + length + ")");
            }
        }
    }
}

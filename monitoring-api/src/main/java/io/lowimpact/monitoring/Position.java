package io.lowimpact.monitoring;

/**
 * The source position of a range of offsets {@code [startOffset, endOffset)} of a code unit, as a
 * {@code (line, endLine, column, endColumn, sourceIndex)} span; -1 stands for what is unknown.
 * Bytecode has no columns, so bytecode units report columns as -1.
 *
 * @param startOffset first offset of the range, inclusive
 * @param endOffset end of the range, exclusive
 * @param line first source line (1-based), or -1
 * @param endLine last source line, or -1
 * @param column first column (0-based), or -1
 * @param endColumn column just past the end on {@code endLine}, or -1
 * @param sourceIndex index into {@link CodeUnit#sourceFiles()}, or -1
 */
public record Position(int startOffset, int endOffset, int line, int endLine, int column, int endColumn, int sourceIndex) {

    /**
     * Checks that the range is not empty and that each component is valid on its own.
     *
     * @param startOffset first offset
     * @param endOffset end offset, exclusive
     * @param line first line
     * @param endLine last line
     * @param column first column
     * @param endColumn end column
     * @param sourceIndex source file index
     * @throws IllegalArgumentException naming the bad component
     */
    public Position {
        if (startOffset < 0 || endOffset <= startOffset) {
            throw new IllegalArgumentException("invalid position range [" + startOffset + ", " + endOffset
                    + ") (offsets must be >= 0 and the range not empty)");
        }
        if (line == 0 || line < -1) {
            throw new IllegalArgumentException("invalid line " + line + " (must be >= 1, or -1 for unknown)");
        }
        if (endLine != -1 && (line == -1 || endLine < line)) {
            throw new IllegalArgumentException("invalid end line " + endLine + " for line " + line
                    + " (must be >= line, or -1 for unknown)");
        }
        if (column < -1 || endColumn < -1) {
            throw new IllegalArgumentException("invalid columns " + column + ".." + endColumn + " (must be >= 0, or -1 for unknown)");
        }
        if (column >= 0 && endColumn >= 0 && (endLine == -1 || endLine == line) && endColumn < column) {
            throw new IllegalArgumentException("invalid columns " + column + ".." + endColumn + " (end before start on one line)");
        }
        if (sourceIndex < -1) {
            throw new IllegalArgumentException("invalid source index " + sourceIndex + " (must be >= 0, or -1 for unknown)");
        }
    }

    /**
     * A position known only by its line, in source file {@code sourceIndex}.
     *
     * @param startOffset first offset
     * @param endOffset end offset, exclusive
     * @param line the line
     * @param sourceIndex source file index, or -1
     * @return the position
     */
    public static Position ofLine(int startOffset, int endOffset, int line, int sourceIndex) {
        return new Position(startOffset, endOffset, line, line, -1, -1, sourceIndex);
    }

    /**
     * @param offset an offset
     * @return whether it lies in {@code [startOffset, endOffset)}
     */
    public boolean containsOffset(int offset) {
        return offset >= startOffset && offset < endOffset;
    }

    /**
     * Whether this span covers a source point. A column of -1 on either side matches the whole line.
     *
     * @param sourceIndex the file
     * @param pointLine the line
     * @param pointColumn the column, or -1
     * @return whether {@code (sourceIndex, pointLine, pointColumn)} lies in this span
     */
    public boolean covers(int sourceIndex, int pointLine, int pointColumn) {
        if (sourceIndex != this.sourceIndex || line == -1) {
            return false;
        }
        int last = endLine == -1 ? line : endLine;
        if (pointLine < line || pointLine > last) {
            return false;
        }
        if (pointColumn < 0) {
            return true;
        }
        boolean afterStart = pointLine > line || column < 0 || pointColumn >= column;
        boolean beforeEnd = pointLine < last || endColumn < 0 || pointColumn < endColumn;
        return afterStart && beforeEnd;
    }
}

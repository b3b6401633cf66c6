package io.lowimpact.monitoring.instrument.internal.analysis;

/**
 * One LineInfo of an SMAP's line section ({@code *L}):
 * {@code InputStartLine#LineFileID,RepeatCount:OutputStartLine,OutputLineIncrement}. Input line
 * {@code InputStartLine + i} ({@code 0 <= i < RepeatCount}) maps to the output lines
 * {@code OutputStartLine + i * OutputLineIncrement} up to {@code OutputStartLine + (i + 1) * OutputLineIncrement - 1}.
 *
 * @param inputStartLine the first input line
 * @param fileId the FileID of the input file (when the text omits it: the previous LineInfo's in the stratum, or 0)
 * @param repeatCount how many input lines (1 when omitted)
 * @param outputStartLine the first output line
 * @param outputLineIncrement output lines per input line (1 when omitted; 0 maps no output line)
 */
public record SmapLineInfo(int inputStartLine, int fileId, int repeatCount, int outputStartLine, int outputLineIncrement) {

    /**
     * @param outputLine an output line
     * @return whether some input line of this info maps to {@code outputLine}
     */
    public boolean coversOutputLine(int outputLine) {
        long last = (long) outputStartLine + (long) repeatCount * outputLineIncrement - 1;
        return outputLine >= outputStartLine && outputLine <= last;
    }

    /**
     * @param outputLine an output line that this info covers
     * @return the input line it comes from
     */
    public int inputLineOf(int outputLine) {
        return inputStartLine + (outputLine - outputStartLine) / outputLineIncrement;
    }
}

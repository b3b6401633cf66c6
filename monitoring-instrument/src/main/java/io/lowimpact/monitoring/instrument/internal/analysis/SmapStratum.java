package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.List;
import java.util.Optional;

/**
 * One stratum of an SMAP ({@code *S}): its source files and its line mapping.
 *
 * @param id the stratum's id ({@code "JSP"}, {@code "Kotlin"})
 * @param files its FileInfos, in the order the file sections list them
 * @param lineInfos its LineInfos, in the order the line sections list them
 */
public record SmapStratum(String id, List<SmapFile> files, List<SmapLineInfo> lineInfos) {

    /**
     * Copies the lists.
     *
     * @param id the id
     * @param files the files
     * @param lineInfos the line infos
     */
    public SmapStratum {
        files = List.copyOf(files);
        lineInfos = List.copyOf(lineInfos);
    }

    /**
     * Maps an output line (a line of the class file's LineNumberTable) to its source, as the JDK's debugger
     * (JDI's {@code SDE}) does: the first LineInfo, in section order, that covers the line decides.
     *
     * @param outputLine the output line
     * @return the input file and line, or empty when no LineInfo covers the output line
     */
    public Optional<SourceLine> map(int outputLine) {
        for (SmapLineInfo info : lineInfos) {
            if (info.coversOutputLine(outputLine)) {
                return Optional.of(new SourceLine(fileIndex(info.fileId()), info.inputLineOf(outputLine)));
            }
        }
        return Optional.empty();
    }

    /**
     * @param fileId a FileID
     * @return the index in {@link #files()} of the file with that FileID, or -1
     */
    public int fileIndex(int fileId) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).id() == fileId) {
                return i;
            }
        }
        return -1;
    }
}

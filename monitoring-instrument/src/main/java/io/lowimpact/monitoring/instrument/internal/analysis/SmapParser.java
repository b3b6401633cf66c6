package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a resolved JSR-45 SMAP.
 *
 * <pre>
 * SMAP
 * OutputFileName
 * DefaultStratumId
 * *S StratumId           a stratum; the sections up to the next *S belong to it
 * *F                     file section: "FileID FileName", or "+ FileID FileName" followed by a line "FilePath"
 * *L                     line section: "InputStartLine[#LineFileID][,RepeatCount]:OutputStartLine[,OutputLineIncrement]"
 * *V ... / *X ...        vendor and unknown sections: skipped up to the next line starting with '*'
 * *O StratumId ... *C    an embedded (unresolved) SMAP: skipped, nesting included
 * *E                     the end; anything after it is ignored
 * </pre>
 *
 * Lines end with LF, CR or CR LF; blank lines and spaces or tabs around the numbers are allowed. An omitted
 * LineFileID is the previous LineInfo's in the same stratum, 0 for its first (as JDI reads it). Refused with an
 * {@link IllegalArgumentException} that names the SMAP line: a missing header or {@code *E}, a file or line section
 * outside a stratum, a repeated stratum id or FileID, a malformed FileInfo or LineInfo, and a LineInfo whose FileID
 * its stratum does not declare.
 */
final class SmapParser {

    private static final Pattern LINE_INFO =
            Pattern.compile("(\\d{1,9})(?:#(\\d{1,9}))?(?:,(\\d{1,9}))?:(\\d{1,9})(?:,(\\d{1,9}))?");
    private static final Pattern FILE_INFO = Pattern.compile("(\\+\\s*)?(\\d{1,9})\\s+(\\S.*)");

    private final String[] lines;
    private int next;
    private final List<SmapStratum> strata = new ArrayList<>();
    private String stratumId;
    private List<SmapFile> files;
    private List<SmapLineInfo> lineInfos;
    private List<Integer> lineInfoLines;
    private int currentFileId;

    private SmapParser(String text) {
        this.lines = text.split("\r\n|\r|\n", -1);
    }

    static Smap parse(String text) {
        Objects.requireNonNull(text, "SMAP text must not be null");
        return new SmapParser(text).smap();
    }

    private Smap smap() {
        String header = lines[0].strip();
        if (!header.equals("SMAP")) {
            throw error(1, "an SMAP must start with the line 'SMAP', not '" + header + "'");
        }
        next = 1;
        String outputFile = headerLine("output file name");
        String defaultStratum = headerLine("default stratum id");
        while (true) {
            if (next >= lines.length) {
                throw error(lines.length, "the SMAP has no end section '*E'");
            }
            int lineNumber = next + 1;
            String line = lines[next++].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) != '*' || line.length() < 2) {
                throw error(lineNumber, "expected a section (*S, *F, *L, *E...), not '" + line + "'");
            }
            switch (line.charAt(1)) {
                case 'S':
                    startStratum(lineNumber, line.substring(2).strip());
                    break;
                case 'F':
                    requireStratum(lineNumber, "file section");
                    readFiles();
                    break;
                case 'L':
                    requireStratum(lineNumber, "line section");
                    readLineInfos();
                    break;
                case 'E':
                    endStratum();
                    return new Smap(outputFile, defaultStratum, strata);
                case 'O':
                    skipEmbedded(lineNumber);
                    break;
                default:
                    skipToNextSection();
            }
        }
    }

    private String headerLine(String what) {
        if (next >= lines.length || lines[next].isBlank()) {
            throw error(next + 1, "the SMAP header has no " + what);
        }
        return lines[next++].strip();
    }

    private void startStratum(int lineNumber, String id) {
        if (id.isEmpty()) {
            throw error(lineNumber, "a stratum section '*S' needs a stratum id");
        }
        endStratum();
        for (SmapStratum stratum : strata) {
            if (stratum.id().equals(id)) {
                throw error(lineNumber, "stratum '" + id + "' is declared twice");
            }
        }
        stratumId = id;
        files = new ArrayList<>();
        lineInfos = new ArrayList<>();
        lineInfoLines = new ArrayList<>();
        currentFileId = 0;
    }

    private void endStratum() {
        if (stratumId == null) {
            return;
        }
        Set<Integer> ids = new HashSet<>();
        files.forEach(f -> ids.add(f.id()));
        for (int i = 0; i < lineInfos.size(); i++) {
            int fileId = lineInfos.get(i).fileId();
            if (!ids.contains(fileId)) {
                throw error(lineInfoLines.get(i), "line info refers to FileID " + fileId
                        + ", which stratum '" + stratumId + "' does not declare");
            }
        }
        strata.add(new SmapStratum(stratumId, files, lineInfos));
        stratumId = null;
    }

    private void requireStratum(int lineNumber, String section) {
        if (stratumId == null) {
            throw error(lineNumber, "a " + section + " must follow a stratum section '*S'");
        }
    }

    private void readFiles() {
        while (next < lines.length && !lines[next].strip().startsWith("*")) {
            int lineNumber = next + 1;
            String line = lines[next++].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = FILE_INFO.matcher(line);
            if (!m.matches()) {
                throw error(lineNumber, "expected a FileInfo '[+ ]FileID FileName', not '" + line + "'");
            }
            int id = Integer.parseInt(m.group(2));
            for (SmapFile file : files) {
                if (file.id() == id) {
                    throw error(lineNumber, "FileID " + id + " is declared twice in stratum '" + stratumId + "'");
                }
            }
            String path = null;
            if (m.group(1) != null) {
                if (next >= lines.length || lines[next].isBlank() || lines[next].strip().startsWith("*")) {
                    throw error(lineNumber + 1, "a '+' FileInfo must be followed by its path");
                }
                path = lines[next++].strip();
            }
            files.add(new SmapFile(id, m.group(3).strip(), path));
        }
    }

    private void readLineInfos() {
        while (next < lines.length && !lines[next].strip().startsWith("*")) {
            int lineNumber = next + 1;
            String line = lines[next++].replaceAll("[ \t]", "");
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE_INFO.matcher(line);
            if (!m.matches()) {
                throw error(lineNumber, "expected a LineInfo 'InputStartLine[#LineFileID][,RepeatCount]"
                        + ":OutputStartLine[,OutputLineIncrement]', not '" + line + "'");
            }
            if (m.group(2) != null) {
                currentFileId = Integer.parseInt(m.group(2));
            }
            lineInfos.add(new SmapLineInfo(Integer.parseInt(m.group(1)), currentFileId, number(m.group(3)),
                    Integer.parseInt(m.group(4)), number(m.group(5))));
            lineInfoLines.add(lineNumber);
        }
    }

    private static int number(String optional) {
        return optional == null ? 1 : Integer.parseInt(optional);
    }

    private void skipEmbedded(int openedAt) {
        int depth = 1;
        while (depth > 0) {
            if (next >= lines.length) {
                throw error(openedAt, "embedded SMAP '*O' is never closed by '*C'");
            }
            String line = lines[next++].strip();
            if (line.startsWith("*O")) {
                depth++;
            } else if (line.startsWith("*C")) {
                depth--;
            }
        }
    }

    private void skipToNextSection() {
        while (next < lines.length && !lines[next].strip().startsWith("*")) {
            next++;
        }
    }

    private static IllegalArgumentException error(int lineNumber, String message) {
        return new IllegalArgumentException("invalid SMAP at line " + lineNumber + ": " + message);
    }
}

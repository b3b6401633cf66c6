package io.lowimpact.coverage.internal.data;

import io.lowimpact.coverage.CoverageFileException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary data file format, version {@value #VERSION} (big-endian, {@link DataOutputStream} encoding):
 * <pre>
 * magic        8 bytes  "LICOV\r\n\032"
 * version      u2
 * sessions     u4 n, n x (utf id, i8 start, i8 dump)
 * contexts     u4 n, n x utf name
 * classes      u4 n, n x (utf name, i8 crc (-1 unknown), utf source ("" none), u4 methods,
 *                methods x (utf name, utf descriptor,
 *                  u4 lines, lines x (i4 line, i8 hits, u4 k, k x u4 context),
 *                  u4 branches, branches x (i4 from, i4 line, u4 edges, edges x (i4 to, i4 line, i8 hits))))
 * end marker   4 bytes  "END\n"
 * checksum     i8       CRC-32 of every byte before the end marker
 * </pre>
 * The end marker and checksum make a truncated or damaged file an error, never a silently smaller data set.
 */
public final class DataFormat {

    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "LICOV\r\n\032".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] END = "END\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int TRAILER = END.length + 8;

    private DataFormat() {
    }

    /** @return the data set encoded as a whole file */
    public static byte[] encode(DataSet data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(VERSION);
            out.writeInt(data.sessions().size());
            for (Session s : data.sessions()) {
                out.writeUTF(s.id());
                out.writeLong(s.startMillis());
                out.writeLong(s.dumpMillis());
            }
            out.writeInt(data.contexts().size());
            for (String c : data.contexts()) {
                out.writeUTF(c);
            }
            out.writeInt(data.classes().size());
            for (ClassRecord c : data.classes()) {
                writeClass(out, c);
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.write(END);
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return bytes.toByteArray();
    }

    private static void writeClass(DataOutputStream out, ClassRecord c) throws IOException {
        out.writeUTF(c.name());
        out.writeLong(c.crc());
        out.writeUTF(c.sourceFile() == null ? "" : c.sourceFile());
        out.writeInt(c.methods().size());
        for (MethodRecord m : c.methods()) {
            out.writeUTF(m.name());
            out.writeUTF(m.descriptor());
            out.writeInt(m.lineCount());
            for (int i = 0; i < m.lineCount(); i++) {
                out.writeInt(m.line(i));
                out.writeLong(m.lineHits(i));
                BitSet ctx = m.lineContexts(i);
                out.writeInt(ctx.cardinality());
                for (int k = ctx.nextSetBit(0); k >= 0; k = ctx.nextSetBit(k + 1)) {
                    out.writeInt(k);
                }
            }
            out.writeInt(m.branches().size());
            for (BranchRecord b : m.branches()) {
                out.writeInt(b.from());
                out.writeInt(b.line());
                out.writeInt(b.edgeCount());
                for (int e = 0; e < b.edgeCount(); e++) {
                    out.writeInt(b.target(e));
                    out.writeInt(b.targetLine(e));
                    out.writeLong(b.hits(e));
                }
            }
        }
    }

    /**
     * Decodes a whole file.
     *
     * @param file the file's name, for messages
     * @param bytes its content
     * @return the data
     * @throws CoverageFileException naming the file and the problem
     */
    public static DataSet decode(Path file, byte[] bytes) throws CoverageFileException {
        if (bytes.length == 0) {
            throw new CoverageFileException(file, "empty file (0 bytes): not a Lowimpact coverage data file");
        }
        if (!startsWith(bytes, MAGIC)) {
            throw new CoverageFileException(file, "not a Lowimpact coverage data file (" + describe(bytes) + ")");
        }
        if (bytes.length < MAGIC.length + 2) {
            throw new CoverageFileException(file, "truncated: " + bytes.length + " bytes, no format version");
        }
        int version = ((bytes[MAGIC.length] & 0xff) << 8) | (bytes[MAGIC.length + 1] & 0xff);
        if (version > VERSION) {
            throw new CoverageFileException(file, "written in data format version " + version
                    + ", newer than this reader's version " + VERSION + ": use a newer Lowimpact to read it");
        }
        if (version < 1) {
            throw new CoverageFileException(file, "corrupt: invalid data format version " + version);
        }
        int body = bytes.length - TRAILER;
        if (body < MAGIC.length + 2 || !regionEquals(bytes, body, END)) {
            throw new CoverageFileException(file, "truncated: " + bytes.length
                    + " bytes, the end marker is missing (was the writing JVM killed while writing?)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        long stored = readLong(bytes, body + END.length);
        if (stored != crc.getValue()) {
            throw new CoverageFileException(file, "corrupt: checksum " + Long.toHexString(crc.getValue())
                    + " does not match the stored " + Long.toHexString(stored));
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length + 2, body - MAGIC.length - 2));
        try {
            DataSet data = new DataSet();
            int sessions = count(in, file, "sessions");
            for (int i = 0; i < sessions; i++) {
                data.addSession(new Session(in.readUTF(), in.readLong(), in.readLong()));
            }
            int contexts = count(in, file, "contexts");
            for (int i = 0; i < contexts; i++) {
                data.context(in.readUTF());
            }
            int classes = count(in, file, "classes");
            for (int i = 0; i < classes; i++) {
                data.add(readClass(in, file, contexts));
            }
            if (in.available() != 0) {
                throw new CoverageFileException(file, "corrupt: " + in.available() + " unexpected bytes after the classes");
            }
            return data;
        } catch (EOFException e) {
            throw new CoverageFileException(file, "corrupt: the content ends before its last record");
        } catch (IllegalArgumentException e) {
            throw new CoverageFileException(file, "corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw new CoverageFileException(file, "corrupt: " + e);
        }
    }

    private static ClassRecord readClass(DataInputStream in, Path file, int contexts) throws IOException {
        String name = in.readUTF();
        long classCrc = in.readLong();
        String source = in.readUTF();
        ClassRecord c = new ClassRecord(name, classCrc, source.isEmpty() ? null : source);
        int methods = count(in, file, "methods");
        for (int m = 0; m < methods; m++) {
            String methodName = in.readUTF();
            String descriptor = in.readUTF();
            int lineCount = count(in, file, "lines");
            int[] lines = new int[lineCount];
            long[] hits = new long[lineCount];
            List<int[]> lineContexts = new ArrayList<>();
            for (int l = 0; l < lineCount; l++) {
                lines[l] = in.readInt();
                hits[l] = in.readLong();
                int k = count(in, file, "contexts of a line");
                int[] ids = new int[k];
                for (int j = 0; j < k; j++) {
                    ids[j] = in.readInt();
                    if (ids[j] < 0 || ids[j] >= contexts) {
                        throw new CoverageFileException(file, "corrupt: context id " + ids[j] + " of " + name + "."
                                + methodName + " line " + lines[l] + " (there are " + contexts + " contexts)");
                    }
                }
                lineContexts.add(ids);
            }
            int branchCount = count(in, file, "branches");
            List<BranchRecord> branches = new ArrayList<>();
            List<long[]> edgeHits = new ArrayList<>();
            for (int b = 0; b < branchCount; b++) {
                int from = in.readInt();
                int line = in.readInt();
                int edges = count(in, file, "edges");
                int[] targets = new int[edges];
                int[] targetLines = new int[edges];
                long[] eh = new long[edges];
                for (int e = 0; e < edges; e++) {
                    targets[e] = in.readInt();
                    targetLines[e] = in.readInt();
                    eh[e] = in.readLong();
                }
                branches.add(new BranchRecord(from, line, targets, targetLines));
                edgeHits.add(eh);
            }
            MethodRecord record = new MethodRecord(methodName, descriptor, lines, branches);
            for (int l = 0; l < lineCount; l++) {
                record.addLineHits(l, hits[l]);
                for (int id : lineContexts.get(l)) {
                    record.addLineContext(l, id);
                }
            }
            for (int b = 0; b < branchCount; b++) {
                for (int e = 0; e < edgeHits.get(b).length; e++) {
                    branches.get(b).addHits(e, edgeHits.get(b)[e]);
                }
            }
            c.add(record);
        }
        return c;
    }

    private static int count(DataInputStream in, Path file, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new CoverageFileException(file, "corrupt: invalid number of " + what + " (" + n + ")");
        }
        return n;
    }

    private static String describe(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x01 && (bytes[1] & 0xff) == 0xc0) {
            return "it looks like a JaCoCo .exec file; report it with JaCoCo";
        }
        if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            return "it looks like a zip or jar file";
        }
        StringBuilder b = new StringBuilder("it starts with bytes");
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            b.append(String.format(" %02x", bytes[i] & 0xff));
        }
        return b.toString();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && regionEquals(bytes, 0, prefix);
    }

    private static boolean regionEquals(byte[] bytes, int at, byte[] region) {
        if (at < 0 || at + region.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < region.length; i++) {
            if (bytes[at + i] != region[i]) {
                return false;
            }
        }
        return true;
    }

    private static long readLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }
}

package io.lowimpact.coverage.internal.report;

import io.lowimpact.coverage.internal.data.BranchRecord;
import io.lowimpact.coverage.internal.data.ClassRecord;
import io.lowimpact.coverage.internal.data.MethodRecord;
import io.lowimpact.coverage.internal.runtime.ClassFiles;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the lines and branches of a class file without loading it, by the same rules as the monitoring agent's
 * {@code CodeUnit.lines()} and {@code CodeUnit.branches()}: a method's lines are those of its
 * {@code LineNumberTable}; a conditional jump is a branch {@code from -> (next instruction, target)}; a switch is
 * a branch {@code from -> (default, case targets in table order, each once, except those that go where the default
 * goes)}, and none when every case goes to the default. Methods that no source line stands for are left out
 * ({@link MethodFilter}), and so are synthetic classes.
 */
final class ClassFileReader {

    private static final int ACC_SYNTHETIC = 0x1000;

    private final ByteBuffer in;
    private String[] utf8;
    private int[] classIndex;
    private String sourceFile;

    private ClassFileReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    /**
     * A class file as read.
     *
     * @param name the class's binary name
     * @param structure its lines and branches with no hits, or null when it is not reported (a synthetic class,
     *        {@code module-info}, {@code package-info})
     */
    record Result(String name, ClassRecord structure) {
    }

    /**
     * @param bytes a class file
     * @return its name and structure
     * @throws IllegalArgumentException if the bytes are not a class file this reader understands
     */
    static Result read(byte[] bytes) {
        try {
            return new ClassFileReader(bytes).readClass(ClassFiles.crc(bytes));
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("malformed class file: " + e, e);
        }
    }

    private Result readClass(long crc) {
        if (in.getInt() != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file (no CAFEBABE)");
        }
        in.getShort(); // minor
        in.getShort(); // major
        readConstantPool();
        int access = u2();
        String name = className(u2());
        int superIndex = u2();
        String superName = superIndex == 0 ? null : className(superIndex);
        if ((access & ACC_SYNTHETIC) != 0 || name.endsWith("module-info") || name.endsWith("package-info")) {
            return new Result(name.replace('/', '.'), null);
        }
        int interfaces = u2();
        in.position(in.position() + 2 * interfaces);
        int fields = u2();
        for (int i = 0; i < fields; i++) {
            in.position(in.position() + 6);
            skipAttributes();
        }
        List<RawMethod> methods = new ArrayList<>();
        int methodCount = u2();
        for (int i = 0; i < methodCount; i++) {
            methods.add(readMethod());
        }
        readAttributes("SourceFile", () -> sourceFile = utf8[u2()]);
        String binaryName = name.replace('/', '.');
        ClassRecord record = new ClassRecord(binaryName, crc, sourceFile);
        MethodFilter filter = new MethodFilter(name, access, superName);
        for (RawMethod m : methods) {
            if (m.code != null && m.lineStarts.length > 0 && filter.keep(m.access, m.name, m.descriptor, m.code)) {
                record.add(m.toRecord());
            }
        }
        return new Result(binaryName, record);
    }

    private void readConstantPool() {
        int count = u2();
        utf8 = new String[count];
        classIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.get() & 0xff;
            switch (tag) {
                case 1: { // Utf8
                    int length = u2();
                    byte[] b = new byte[length];
                    in.get(b);
                    utf8[i] = modifiedUtf8(b);
                    break;
                }
                case 7: // Class
                    classIndex[i] = u2();
                    break;
                case 8: case 16: case 19: case 20: // String, MethodType, Module, Package
                    in.position(in.position() + 2);
                    break;
                case 15: // MethodHandle
                    in.position(in.position() + 3);
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    in.position(in.position() + 4);
                    break;
                case 5: case 6: // Long, Double: two slots
                    in.position(in.position() + 8);
                    i++;
                    break;
                default:
                    throw new IllegalArgumentException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
    }

    private RawMethod readMethod() {
        RawMethod m = new RawMethod();
        m.access = u2();
        m.name = utf8[u2()];
        m.descriptor = utf8[u2()];
        readAttributes("Code", () -> readCode(m));
        return m;
    }

    private void readCode(RawMethod m) {
        in.position(in.position() + 4); // max_stack, max_locals
        int codeLength = in.getInt();
        m.code = new byte[codeLength];
        in.get(m.code);
        int handlers = u2();
        in.position(in.position() + 8 * handlers); // the exception table
        List<int[]> lineTable = new ArrayList<>();
        readAttributes("LineNumberTable", () -> {
            int entries = u2();
            for (int e = 0; e < entries; e++) {
                lineTable.add(new int[] {u2(), u2()});
            }
        });
        lineTable.sort((a, b) -> Integer.compare(a[0], b[0]));
        m.lineStarts = new int[lineTable.size()];
        m.lineNumbers = new int[lineTable.size()];
        for (int i = 0; i < lineTable.size(); i++) {
            m.lineStarts[i] = lineTable.get(i)[0];
            m.lineNumbers[i] = lineTable.get(i)[1];
        }
    }

    /**
     * Reads an attribute table: {@code read} reads each attribute named {@code name} from its first byte, and
     * reading goes on after the attribute's length, whatever it read; other attributes are skipped.
     */
    private void readAttributes(String name, Runnable read) {
        int attributes = u2();
        for (int i = 0; i < attributes; i++) {
            String attribute = utf8[u2()];
            int length = in.getInt();
            int end = in.position() + length;
            if (attribute.equals(name)) {
                read.run();
            }
            in.position(end);
        }
    }

    private void skipAttributes() {
        int attributes = u2();
        for (int i = 0; i < attributes; i++) {
            in.position(in.position() + 2);
            int length = in.getInt();
            in.position(in.position() + length);
        }
    }

    private int u2() {
        return in.getShort() & 0xffff;
    }

    private String className(int index) {
        return utf8[classIndex[index]];
    }

    private static String modifiedUtf8(byte[] b) {
        boolean ascii = true;
        for (byte x : b) {
            if (x <= 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, StandardCharsets.US_ASCII);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                s.append((char) c);
            } else if ((c & 0xe0) == 0xc0) {
                s.append((char) (((c & 0x1f) << 6) | (b[++i] & 0x3f)));
            } else {
                s.append((char) (((c & 0x0f) << 12) | ((b[++i] & 0x3f) << 6) | (b[++i] & 0x3f)));
            }
        }
        return s.toString();
    }

    /** A method as read, before it becomes a record. */
    private static final class RawMethod {
        int access;
        String name;
        String descriptor;
        byte[] code;
        int[] lineStarts = new int[0];
        int[] lineNumbers = new int[0];

        MethodRecord toRecord() {
            Set<Integer> lines = new TreeSet<>();
            for (int line : lineNumbers) {
                lines.add(line);
            }
            List<BranchRecord> branches = new ArrayList<>();
            for (int[] branch : Bytecode.branches(code)) {
                int[] targets = Arrays.copyOfRange(branch, 1, branch.length);
                int[] targetLines = new int[targets.length];
                for (int i = 0; i < targets.length; i++) {
                    targetLines[i] = lineAt(targets[i]);
                }
                branches.add(new BranchRecord(branch[0], lineAt(branch[0]), targets, targetLines));
            }
            return new MethodRecord(name, descriptor, lines.stream().mapToInt(Integer::intValue).toArray(), branches);
        }

        private int lineAt(int offset) {
            int line = -1;
            for (int i = 0; i < lineStarts.length && lineStarts[i] <= offset; i++) {
                line = lineNumbers[i];
            }
            return line;
        }
    }

    /** @return the distinct values of {@code targets} other than {@code left}, in order */
    static int[] rightsOf(int left, int[] targets) {
        Set<Integer> rights = new LinkedHashSet<>();
        for (int t : targets) {
            if (t != left) {
                rights.add(t);
            }
        }
        return rights.stream().mapToInt(Integer::intValue).toArray();
    }
}

package io.lowimpact.monitoring.instrument.internal.analysis;

import org.objectweb.asm.ClassReader;

/**
 * Reads the {@code code_length} of every method's {@code Code} attribute straight from the class file: ASM's
 * visitors do not report it, and it cannot be derived from the instructions they visit (ASM folds
 * {@code ldc}/{@code ldc_w}, {@code goto}/{@code goto_w} and {@code wide} forms of different sizes).
 */
public final class CodeLengths {

    private static final int CODE_LENGTH_IN_ATTRIBUTE = 10; // name(2) length(4) max_stack(2) max_locals(2)

    private CodeLengths() {
    }

    /**
     * @param reader a reader of the class
     * @return by method, in class file order (the order in which the reader visits them), its code length, or -1 if
     *     it has no code
     */
    public static int[] read(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        int at = reader.header + 6; // access_flags, this_class, super_class
        at += 2 + 2 * reader.readUnsignedShort(at); // interfaces
        at = skipFields(reader, at);
        int methodCount = reader.readUnsignedShort(at);
        at += 2;
        int[] lengths = new int[methodCount];
        for (int m = 0; m < methodCount; m++) {
            lengths[m] = -1;
            int attributeCount = reader.readUnsignedShort(at + 6);
            at += 8;
            for (int a = 0; a < attributeCount; a++) {
                if ("Code".equals(reader.readUTF8(at, buffer))) {
                    lengths[m] = reader.readInt(at + CODE_LENGTH_IN_ATTRIBUTE);
                }
                at += 6 + reader.readInt(at + 2);
            }
        }
        return lengths;
    }

    private static int skipFields(ClassReader reader, int start) {
        int at = start;
        int fieldCount = reader.readUnsignedShort(at);
        at += 2;
        for (int f = 0; f < fieldCount; f++) {
            int attributeCount = reader.readUnsignedShort(at + 6);
            at += 8;
            for (int a = 0; a < attributeCount; a++) {
                at += 6 + reader.readInt(at + 2);
            }
        }
        return at;
    }
}

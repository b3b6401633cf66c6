package io.lowimpact.monitoring.instrument.internal.analysis;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.objectweb.asm.Opcodes;

/** The mnemonic of each ASM opcode, read from {@link Opcodes}, and javap's mnemonics folded the way ASM folds them. */
final class OpcodeNames {

    private static final String[] NAMES = new String[256];

    static {
        Map<Integer, String> seen = new HashMap<>();
        for (Field field : Opcodes.class.getFields()) {
            String name = field.getName();
            if (field.getType() != int.class || !Modifier.isStatic(field.getModifiers())
                    || name.matches("(ACC|T|H|F|V|ASM|SOURCE)_.*|V\\d.*|ASM\\d.*")) {
                continue;
            }
            try {
                int opcode = field.getInt(null);
                String previous = seen.put(opcode, name);
                if (previous != null) {
                    throw new IllegalStateException("opcode " + opcode + " is both " + previous + " and " + name);
                }
                NAMES[opcode] = name.toLowerCase(Locale.ROOT);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private OpcodeNames() {
    }

    /** @return the lower-case mnemonic of an ASM opcode ({@code "aload"}) */
    static String of(int opcode) {
        return NAMES[opcode];
    }

    /**
     * Folds a javap mnemonic into ASM's: {@code aload_0 -> aload}, {@code iload_w -> iload}, {@code goto_w -> goto},
     * {@code ldc_w} and {@code ldc2_w -> ldc}.
     */
    static String fold(String javapMnemonic) {
        String m = javapMnemonic;
        if (m.matches("[ilfda](load|store)_[0-3]")) {
            m = m.substring(0, m.length() - 2);
        }
        if (m.endsWith("_w")) {
            m = m.substring(0, m.length() - 2);
        }
        return m.equals("ldc2") ? "ldc" : m;
    }
}

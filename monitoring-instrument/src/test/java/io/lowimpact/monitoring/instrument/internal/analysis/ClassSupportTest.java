package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/** Which class files can be analysed, from their version alone. */
class ClassSupportTest {

    private static byte[] withVersion(int major) {
        byte[] bytes = TargetClasses.bytes("StraightLine");
        bytes[6] = (byte) (major >>> 8);
        bytes[7] = (byte) major;
        return bytes;
    }

    @Test
    void acceptJava17ClassesWithInvokedynamic() {
        ClassSupport support = ClassSupport.of(TargetClasses.bytes("StraightLine"));
        assertEquals(new ClassSupport(61, 0, null), support);
        assertTrue(support.analysable());
        assertTrue(support.invokedynamicAllowed());
        assertNull(support.problem());
    }

    @Test
    void flagVersionsBefore51AsWithoutInvokedynamic() {
        for (int major = 45; major <= 50; major++) {
            ClassSupport support = ClassSupport.of(withVersion(major));
            assertTrue(support.analysable(), support::toString);
            assertFalse(support.invokedynamicAllowed(), support::toString);
            assertFalse(ClassAnalyzer.analyze(withVersion(major)).invokedynamicAllowed());
        }
        assertTrue(ClassSupport.of(withVersion(51)).invokedynamicAllowed());
    }

    @Test
    void refuseVersionsBefore45() {
        ClassSupport support = ClassSupport.of(withVersion(44));
        assertFalse(support.analysable());
        assertFalse(support.invokedynamicAllowed());
        assertEquals("unsupported class file version 44.0 (major version must be at least 45)", support.problem());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassAnalyzer.analyze(withVersion(44)));
        assertEquals(support.problem(), e.getMessage());
    }

    @Test
    void refuseVersionsNewerThanAsmReads() {
        int newest = ClassSupport.newestMajorVersion();
        assertTrue(newest >= Opcodes.V17, "newest " + newest);
        new ClassReader(withVersion(newest)); // ASM reads it
        assertThrows(IllegalArgumentException.class, () -> new ClassReader(withVersion(newest + 1)));
        assertTrue(ClassSupport.of(withVersion(newest)).analysable());
        assertEquals("unsupported class file version " + (newest + 1) + ".0 (major version must be at most " + newest
                + ", the newest this ASM reads)", ClassSupport.of(withVersion(newest + 1)).problem());
    }

    @Test
    void refuseBytesThatAreNoClassFile() {
        assertEquals(new ClassSupport(-1, -1, "not a class file (3 bytes, must start with 0xCAFEBABE)"),
                ClassSupport.of(new byte[] {1, 2, 3}));
        assertEquals("not a class file (magic 0xCAFEBABF, must start with 0xCAFEBABE)",
                ClassSupport.of(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBF, 0, 0, 0, 61, 0, 1})
                        .problem());
        assertEquals("not a class file (magic 0xCAFEBABE, must start with 0xCAFEBABE)",
                ClassSupport.of(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0}).problem());
        assertThrows(NullPointerException.class, () -> ClassSupport.of(null));
    }
}

package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.Objects;
import org.objectweb.asm.ClassReader;

/**
 * Whether a class file can be analysed, read from its first eight bytes only (no filter, no parsing).
 *
 * <p>A class file can be analysed when it starts with {@code 0xCAFEBABE} and its major version is at least 45
 * (the oldest the JVM specification defines) and at most {@link #newestMajorVersion()} (the newest the bundled
 * ASM reads). Versions below 51 (Java 7) cannot hold {@code invokedynamic}, so probes in them need another form:
 * {@link #invokedynamicAllowed()} says which.
 *
 * @param majorVersion the class file's major version, or -1 when the bytes are not a class file
 * @param minorVersion the class file's minor version ({@code 0xFFFF} for preview features), or -1
 * @param problem why the class cannot be analysed, or null when it can
 */
public record ClassSupport(int majorVersion, int minorVersion, String problem) {

    /** The oldest major version the JVM defines (JDK 1.0.2 and 1.1). */
    public static final int OLDEST_MAJOR_VERSION = 45;

    /** The first major version that can hold {@code invokedynamic} (Java 7). */
    public static final int INVOKEDYNAMIC_MAJOR_VERSION = 51;

    private static final int MAGIC = 0xCAFEBABE;
    private static final int NEWEST = probeNewestMajorVersion();

    /**
     * Reads a class file's version.
     *
     * @param classBytes the class file
     * @return the verdict; never null
     * @throws NullPointerException if {@code classBytes} is null
     */
    public static ClassSupport of(byte[] classBytes) {
        Objects.requireNonNull(classBytes, "classBytes must not be null");
        if (classBytes.length < 10 || readInt(classBytes, 0) != MAGIC) {
            String start = classBytes.length < 4 ? classBytes.length + " bytes"
                    : String.format("magic 0x%08X", readInt(classBytes, 0));
            return new ClassSupport(-1, -1, "not a class file (" + start + ", must start with 0xCAFEBABE)");
        }
        int minor = readUnsignedShort(classBytes, 4);
        int major = readUnsignedShort(classBytes, 6);
        if (major < OLDEST_MAJOR_VERSION) {
            return new ClassSupport(major, minor, "unsupported class file version " + major + "." + minor
                    + " (major version must be at least " + OLDEST_MAJOR_VERSION + ")");
        }
        if (major > NEWEST) {
            return new ClassSupport(major, minor, "unsupported class file version " + major + "." + minor
                    + " (major version must be at most " + NEWEST + ", the newest this ASM reads)");
        }
        return new ClassSupport(major, minor, null);
    }

    /** @return the newest major version that {@link ClassAnalyzer} reads */
    public static int newestMajorVersion() {
        return NEWEST;
    }

    /** @return whether the class file can be analysed ({@link #problem()} is null) */
    public boolean analysable() {
        return problem == null;
    }

    /** @return whether the class file can be analysed and may hold {@code invokedynamic} (version 51 or later) */
    public boolean invokedynamicAllowed() {
        return analysable() && majorVersion >= INVOKEDYNAMIC_MAJOR_VERSION;
    }

    /** Asks the bundled ASM which versions it reads, so that an ASM upgrade needs no change here. */
    private static int probeNewestMajorVersion() {
        int newest = OLDEST_MAJOR_VERSION;
        for (int major = OLDEST_MAJOR_VERSION + 1; major <= 0xFFFF; major++) {
            byte[] header = new byte[32];
            header[0] = (byte) 0xCA;
            header[1] = (byte) 0xFE;
            header[2] = (byte) 0xBA;
            header[3] = (byte) 0xBE;
            header[6] = (byte) (major >>> 8);
            header[7] = (byte) major;
            header[9] = 1; // constant_pool_count = 1: an empty pool
            try {
                new ClassReader(header);
            } catch (IllegalArgumentException e) {
                break;
            }
            newest = major;
        }
        return newest;
    }

    private static int readUnsignedShort(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int readInt(byte[] b, int at) {
        return (readUnsignedShort(b, at) << 16) | readUnsignedShort(b, at + 2);
    }
}

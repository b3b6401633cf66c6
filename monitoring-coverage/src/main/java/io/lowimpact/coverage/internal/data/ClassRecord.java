package io.lowimpact.coverage.internal.data;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recorded coverage of one version of a class: its binary name, the CRC-32 of the class file it was recorded
 * from ({@link #UNKNOWN_CRC} for units that are not class files, such as an interpreter's), its source file and
 * its methods.
 */
public final class ClassRecord {

    /** The CRC of a class whose class file was not seen while recording. */
    public static final long UNKNOWN_CRC = -1L;

    private final String name;
    private final long crc;
    private final String sourceFile;
    private final Map<String, MethodRecord> methods = new LinkedHashMap<>();

    /**
     * @param name binary name, {@code com.acme.Foo$Bar}
     * @param crc CRC-32 of the class file, or {@link #UNKNOWN_CRC}
     * @param sourceFile the source file's name, or null
     */
    public ClassRecord(String name, long crc, String sourceFile) {
        this.name = name;
        this.crc = crc;
        this.sourceFile = sourceFile;
    }

    /** @return the binary name */
    public String name() {
        return name;
    }

    /** @return the class file's CRC-32, or {@link #UNKNOWN_CRC} */
    public long crc() {
        return crc;
    }

    /** @return the source file's name, or null */
    public String sourceFile() {
        return sourceFile;
    }

    /** @return the methods, in the order they were added */
    public Collection<MethodRecord> methods() {
        return Collections.unmodifiableCollection(methods.values());
    }

    /** @return the method with that name and descriptor, or null */
    public MethodRecord method(String name, String descriptor) {
        return methods.get(name + descriptor);
    }

    /** Adds a method; one with the same key must not be there yet. */
    public void add(MethodRecord method) {
        if (methods.putIfAbsent(method.key(), method) != null) {
            throw new IllegalArgumentException("class " + name + " has method " + method.key() + " twice");
        }
    }

    void mergeFrom(ClassRecord other, int[] contextMap) {
        for (MethodRecord m : other.methods.values()) {
            MethodRecord mine = methods.get(m.key());
            if (mine == null) {
                methods.put(m.key(), m.copy(contextMap));
            } else {
                mine.mergeFrom(m, contextMap);
            }
        }
    }
}

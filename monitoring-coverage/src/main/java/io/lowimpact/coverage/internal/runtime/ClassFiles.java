package io.lowimpact.coverage.internal.runtime;

import io.lowimpact.coverage.internal.data.ClassRecord;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The CRC-32 of the class file each recorded class was loaded from, so that a report can tell a class file that
 * changed since recording. Under the coverage agent, a transformer records each class's bytes as the JVM loads
 * it ({@link #loaded}); otherwise, the class file is looked up as a resource of the system and the context class
 * loaders when the data is written.
 */
public final class ClassFiles {

    private final Map<String, Long> crcs = new ConcurrentHashMap<>();

    /** Records a class the JVM is loading: binary or internal name, and its original class file. */
    public void loaded(String className, byte[] classFile) {
        crcs.putIfAbsent(className.replace('/', '.'), crc(classFile));
    }

    /** @return the CRC-32 of the class's file, or {@link ClassRecord#UNKNOWN_CRC} when none is found */
    public long crcOf(String className) {
        Long known = crcs.get(className);
        if (known != null) {
            return known;
        }
        String resource = className.replace('.', '/') + ".class";
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                ClassLoader.getSystemClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    long crc = crc(in.readAllBytes());
                    crcs.putIfAbsent(className, crc);
                    return crc;
                }
            } catch (IOException e) {
                return ClassRecord.UNKNOWN_CRC;
            }
        }
        return ClassRecord.UNKNOWN_CRC;
    }

    /** @return the CRC-32 of a class file */
    public static long crc(byte[] classFile) {
        CRC32 crc = new CRC32();
        crc.update(classFile);
        return crc.getValue();
    }
}

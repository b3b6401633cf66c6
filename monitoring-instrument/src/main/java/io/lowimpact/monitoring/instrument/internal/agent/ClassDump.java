package io.lowimpact.monitoring.instrument.internal.agent;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The agent option {@code dump=DIR}: keeps on disk what the agent did to each class, so that a user who reports
 * a problem can attach the bytes. For a class in internal name {@code a/b/C}:
 * <ul>
 * <li>{@code DIR/a/b/C.class}: the class as the JVM loaded it with probes, written whenever the agent
 *     instruments it (at load time or by retransformation), and deleted when a retransformation gives the class
 *     back its original bytes or instrumenting it fails. So it exists while the loaded class has probes.</li>
 * <li>{@code DIR/a/b/C.original.class}: the bytes the JVM handed to the agent, written with the instrumented
 *     file and when instrumenting fails. No class name can end in {@code .original}, so it never clashes.</li>
 * </ul>
 * Classes the agent leaves alone (filtered, or no tool needs probes in them) are not written. Files are replaced
 * atomically, so a reader never sees half a class; when two class loaders define classes of the same name, the
 * last write wins. The agent never empties the directory: start with an empty one.
 *
 * <p>Dumping never throws: the first failure to write is logged once, and later ones are not. Thread-safe.
 */
final class ClassDump {

    /** No dump: every method does nothing. */
    static final ClassDump NONE = new ClassDump(null, null);

    private final Path directory;
    private final AgentLog log;

    private ClassDump(Path directory, AgentLog log) {
        this.directory = directory;
        this.log = log;
    }

    /**
     * @param directory the {@code dump=} directory, null for none
     * @param log where the first write failure goes
     * @return the dump into {@code directory}, created if missing, or {@link #NONE}
     * @throws IllegalArgumentException if the directory cannot be created
     */
    static ClassDump into(Path directory, AgentLog log) {
        if (directory == null) {
            return NONE;
        }
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("invalid value '" + directory + "' of agent option 'dump'"
                    + " (cannot create the directory: " + AgentLog.reason(e) + ")", e);
        }
        return new ClassDump(absolute, log);
    }

    /**
     * Records the agent's decision for a class.
     *
     * @param internalName the class's internal name
     * @param original the bytes the JVM handed over
     * @param instrumented the bytes the agent returned, or null if it returned none
     * @param retransforming whether the class is being retransformed (it was loaded before)
     */
    void decided(String internalName, byte[] original, byte[] instrumented, boolean retransforming) {
        if (directory == null) {
            return;
        }
        if (instrumented != null) {
            write(internalName, ".original.class", original);
            write(internalName, ".class", instrumented);
        } else if (retransforming) {
            delete(internalName);
        }
    }

    /**
     * Records that instrumenting a class failed: it loads as the JVM handed it over.
     *
     * @param internalName the class's internal name
     * @param original the bytes the JVM handed over
     */
    void failed(String internalName, byte[] original) {
        if (directory == null) {
            return;
        }
        write(internalName, ".original.class", original);
        delete(internalName);
    }

    private void write(String internalName, String suffix, byte[] bytes) {
        try {
            Path file = file(internalName, suffix);
            if (file == null || bytes == null) {
                return;
            }
            Path dir = Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, bytes);
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp); // gone already unless writing or moving failed
            }
        } catch (Throwable t) {
            failedToWrite(internalName + suffix, t);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void delete(String internalName) {
        try {
            Path file = file(internalName, ".class");
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (Throwable t) {
            failedToWrite(internalName + ".class", t);
        }
    }

    /** The file for a class, or null if its name would lead outside the directory (a malformed class file). */
    private Path file(String internalName, String suffix) {
        Path file = directory.resolve(internalName + suffix).normalize();
        return file.startsWith(directory) && !file.equals(directory) ? file : null;
    }

    private void failedToWrite(String fileName, Throwable t) {
        try {
            log.warnOnce("dump", "cannot write " + fileName + " into the dump directory " + directory + ": "
                    + AgentLog.reason(t) + "; further dump failures are not logged", t);
        } catch (Throwable ignored) {
            // Nothing may escape a transformer.
        }
    }
}

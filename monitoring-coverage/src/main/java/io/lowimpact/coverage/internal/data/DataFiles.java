package io.lowimpact.coverage.internal.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Reading and writing data files safely. Every write goes to a temporary file beside the target, is forced to
 * disk and then renamed over the target, so a reader sees the old file or the new one, never half of one.
 * Appending takes an exclusive lock on {@code <file>.lock} (between JVMs: {@link FileChannel#lock()}; within one
 * JVM: a monitor), reads what is there, merges and renames: two JVMs appending to one path lose nothing.
 */
public final class DataFiles {

    /** FileLock is per JVM and throws when the same JVM locks twice: one monitor in front of it. */
    private static final Object JVM_LOCK = new Object();

    private DataFiles() {
    }

    /** @return the data of a file; errors name the file */
    public static DataSet read(Path file) throws IOException {
        return DataFormat.decode(file, Files.readAllBytes(file));
    }

    /** Writes {@code data} to {@code file}, replacing it. */
    public static void write(Path file, DataSet data) throws IOException {
        writeAtomically(file, DataFormat.encode(data));
    }

    /**
     * Merges {@code data} into {@code file} (created if absent), under the file's lock.
     *
     * @throws io.lowimpact.coverage.CoverageFileException if the existing file cannot be read; it is left as it is
     */
    public static void append(Path file, DataSet data) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        synchronized (JVM_LOCK) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    DataSet merged = data;
                    if (Files.exists(file)) {
                        merged = read(file);
                        merged.mergeFrom(data);
                    }
                    writeAtomically(file, DataFormat.encode(merged));
                } finally {
                    lock.release();
                }
            }
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

package io.lowimpact.monitoring.instrument.internal.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent option {@code dump=}: what lands in the directory for each decision of the transformer. */
class ClassDumpTest {

    private static final byte[] ORIGINAL = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};
    private static final byte[] REWRITTEN = {1, 2, 3};

    @TempDir
    Path tmp;

    private final RecordingLogger logger = new RecordingLogger();

    private AgentTransformer transformer(Path dir, AgentTransformer.Rewriter rewriter) {
        AgentLog log = logger.log(Level.WARNING);
        return new AgentTransformer(ClassFilter.of(AgentOptions.defaults()), rewriter, log, ClassDump.into(dir, log));
    }

    private List<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void instrumentedClassIsWrittenWithItsOriginalBeside() throws Exception {
        Path dir = tmp.resolve("dump");
        assertSame(REWRITTEN, transformer(dir, (l, n, b) -> REWRITTEN).transform(null, "com/acme/Foo$1", null, null,
                ORIGINAL));
        assertEquals(List.of("com/acme/Foo$1.class", "com/acme/Foo$1.original.class"), files(dir));
        assertArrayEquals(REWRITTEN, Files.readAllBytes(dir.resolve("com/acme/Foo$1.class")));
        assertArrayEquals(ORIGINAL, Files.readAllBytes(dir.resolve("com/acme/Foo$1.original.class")));
        assertEquals(List.of(), logger.entries);
    }

    @Test
    void classesLeftAloneAreNotWritten() throws Exception {
        AgentTransformer t = transformer(tmp, (l, n, b) -> null);
        assertNull(t.transform(null, "com/acme/Foo", null, null, ORIGINAL));
        assertNull(t.transform(null, "java/lang/Thread", null, null, ORIGINAL)); // filtered
        assertEquals(List.of(), files(tmp));
    }

    @Test
    void retransformingBackToTheOriginalDeletesTheInstrumentedFile() throws Exception {
        byte[][] next = {REWRITTEN};
        AgentTransformer t = transformer(tmp, (l, n, b) -> next[0]);
        t.transform(null, "com/acme/Foo", null, null, ORIGINAL);
        next[0] = null;
        t.transform(null, "com/acme/Foo", String.class, null, ORIGINAL);
        assertEquals(List.of("com/acme/Foo.original.class"), files(tmp));
        next[0] = new byte[] {4, 5};
        t.transform(null, "com/acme/Foo", String.class, null, ORIGINAL);
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(tmp.resolve("com/acme/Foo.class")));
    }

    @Test
    void aClassThatCannotBeInstrumentedLeavesItsOriginal() throws Exception {
        byte[][] next = {REWRITTEN};
        AgentTransformer t = transformer(tmp, (l, n, b) -> {
            if (next[0] == null) {
                throw new IllegalArgumentException("class file version 50 of com/acme/Old is too old");
            }
            return next[0];
        });
        t.transform(null, "com/acme/Old", null, null, ORIGINAL);
        next[0] = null;
        assertNull(t.transform(null, "com/acme/Old", String.class, null, ORIGINAL));
        assertEquals(List.of("com/acme/Old.original.class"), files(tmp));
        assertEquals("[WARNING cannot instrument com.acme.Old (loader bootstrap): class file version 50 of"
                + " com/acme/Old is too old; it runs unchanged]", logger.entries.toString());
    }

    @Test
    void namesLeadingOutOfTheDirectoryAreNotWritten() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("a/dump"));
        transformer(dir, (l, n, b) -> REWRITTEN).transform(null, "../../Evil", null, null, ORIGINAL);
        assertEquals(List.of(), files(tmp));
    }

    @Test
    void aFailedWriteIsLoggedOnceAndNeverThrown() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dump"));
        AgentTransformer t = transformer(dir, (l, n, b) -> REWRITTEN);
        Files.writeString(dir.resolve("com"), "a file where the package directory would go");
        assertSame(REWRITTEN, t.transform(null, "com/acme/Foo", null, null, ORIGINAL));
        assertSame(REWRITTEN, t.transform(null, "com/acme/Bar", null, null, ORIGINAL));
        assertEquals(List.of("com"), files(dir));
        assertEquals(1, logger.entries.size(), logger.entries::toString);
        assertEquals("cannot write com/acme/Foo.original.class into the dump directory " + dir + ":"
                + " java.nio.file.FileSystemException: " + dir.resolve("com/acme") + ": Not a directory;"
                + " further dump failures are not logged", logger.entries.get(0).message);
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFile() throws Exception {
        Files.createDirectories(tmp.resolve("com/acme/Foo.class/occupied")); // a non-empty directory cannot be replaced
        assertSame(REWRITTEN, transformer(tmp, (l, n, b) -> REWRITTEN).transform(null, "com/acme/Foo", null, null,
                ORIGINAL));
        assertEquals(List.of("com/acme/Foo.original.class"), files(tmp));
        assertEquals(1, logger.entries.size(), logger.entries::toString);
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassDump.into(file, logger.log(Level.WARNING)));
        assertEquals("invalid value '" + file + "' of agent option 'dump' (cannot create the directory:"
                + " java.nio.file.FileAlreadyExistsException: " + file + ")", e.getMessage());
    }

    @Test
    void noDirectoryMeansNoDump() {
        assertSame(ClassDump.NONE, ClassDump.into(null, logger.log(Level.WARNING)));
        ClassDump.NONE.decided("com/acme/Foo", ORIGINAL, REWRITTEN, false);
        ClassDump.NONE.failed("com/acme/Foo", ORIGINAL);
        assertFalse(Files.exists(Path.of("com/acme/Foo.class")));
    }
}

package io.lowimpact.monitoring.instrument.internal.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.objectweb.asm.MethodTooLargeException;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgentTransformerTest {

    private static final byte[] ORIGINAL = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};
    private static final byte[] REWRITTEN = {1, 2, 3};

    private final RecordingLogger logger = new RecordingLogger();
    private final List<String> asked = new ArrayList<>();

    private AgentTransformer transformer(String options, AgentTransformer.Rewriter rewriter) {
        AgentOptions o = AgentOptions.parse(options);
        return new AgentTransformer(ClassFilter.of(o), rewriter, logger.log(o.logLevel()));
    }

    private byte[] record(ClassLoader loader, String name, byte[] original) {
        asked.add(name);
        return REWRITTEN;
    }

    @Test
    void s41_filteredClassesNeverReachTheEngine() throws Exception {
        AgentTransformer t = transformer("exclude=com.acme.skip.*", this::record);
        for (String name : new String[] {"io/lowimpact/monitoring/Monitoring",
                "io/lowimpact/monitoring/instrument/internal/asm/ClassWriter", "java/lang/Thread",
                "com/acme/skip/Me", null}) {
            assertNull(t.transform(null, name, null, null, ORIGINAL), name);
        }
        assertEquals(List.of(), asked);
        assertSame(REWRITTEN, t.transform(null, "com/acme/Foo", null, null, ORIGINAL));
        assertEquals(List.of("com/acme/Foo"), asked);
    }

    @Test
    void engineGetsLoaderNameAndOriginalBytes() throws Exception {
        ClassLoader loader = new ClassLoader(null) {
        };
        Object[] seen = new Object[3];
        AgentTransformer t = transformer("", (l, name, bytes) -> {
            seen[0] = l;
            seen[1] = name;
            seen[2] = bytes;
            return null;
        });
        assertNull(t.transform(loader, "com/acme/Foo", null, null, ORIGINAL));
        assertSame(loader, seen[0]);
        assertEquals("com/acme/Foo", seen[1]);
        assertSame(ORIGINAL, seen[2]);
    }

    @Test
    void s41_failureLoadsTheOriginalAndIsLoggedOncePerClass() throws Exception {
        IllegalStateException boom = new IllegalStateException("method too large");
        AgentTransformer t = transformer("", (l, name, bytes) -> {
            throw boom;
        });
        assertNull(t.transform(null, "com/acme/Foo", null, null, ORIGINAL));
        assertNull(t.transform(null, "com/acme/Foo", String.class, null, ORIGINAL));
        assertNull(t.transform(null, "com/acme/Bar", null, null, ORIGINAL));
        assertEquals(2, logger.entries.size(), logger.entries::toString);
        RecordingLogger.Entry first = logger.entries.get(0);
        assertEquals(Level.WARNING, first.level);
        assertEquals("cannot instrument com.acme.Foo (loader bootstrap): java.lang.IllegalStateException: method too"
                + " large; it runs unchanged", first.message);
        assertNull(first.error); // no stack trace below log=debug
        assertEquals("cannot instrument com.acme.Bar (loader bootstrap): java.lang.IllegalStateException: method too"
                + " large; it runs unchanged", logger.entries.get(1).message);
    }

    @Test
    void s41_theReasonNamesTheMethodAndTheStackTraceComesAtDebugOnly() throws Exception {
        MethodTooLargeException tooLarge = new MethodTooLargeException("com/acme/Big", "huge", "(I)I", 77004);
        AgentTransformer t = transformer("log=debug", (l, name, bytes) -> {
            throw tooLarge;
        });
        assertNull(t.transform(null, "com/acme/Big", null, null, ORIGINAL));
        assertEquals(1, logger.entries.size(), logger.entries::toString);
        assertEquals("cannot instrument com.acme.Big (loader bootstrap): method huge(I)I would have 77004 bytes of"
                + " code with probes (at most 65535); it runs unchanged", logger.entries.get(0).message);
        assertSame(tooLarge, logger.entries.get(0).error);
    }

    @Test
    void s41_sameNameInAnotherLoaderIsLoggedAgain() throws Exception {
        AgentTransformer t = transformer("", (l, name, bytes) -> {
            throw new IllegalArgumentException("bad");
        });
        ClassLoader a = new ClassLoader("a", null) {
        };
        ClassLoader b = new ClassLoader("b", null) {
        };
        t.transform(a, "com/acme/Foo", null, null, ORIGINAL);
        t.transform(b, "com/acme/Foo", null, null, ORIGINAL);
        t.transform(a, "com/acme/Foo", null, null, ORIGINAL);
        assertEquals(2, logger.entries.size(), logger.entries::toString);
    }

    @Test
    void s41_errorsAreCaughtToo() throws Exception {
        AgentTransformer t = transformer("", (l, name, bytes) -> {
            throw new StackOverflowError();
        });
        assertNull(t.transform(null, "com/acme/Deep", null, null, ORIGINAL));
        assertEquals(1, logger.entries.size());
    }

    @Test
    void logOffSilencesFailures() throws Exception {
        AgentTransformer t = transformer("log=off", (l, name, bytes) -> {
            throw new IllegalStateException("quiet");
        });
        assertNull(t.transform(null, "com/acme/Foo", null, null, ORIGINAL));
        assertEquals(List.of(), logger.entries);
    }

    @Test
    void rewrittenBytesArePassedThrough() throws Exception {
        AgentTransformer t = transformer("", (l, name, bytes) -> REWRITTEN.clone());
        assertArrayEquals(REWRITTEN, t.transform(null, "com/acme/Foo", null, null, ORIGINAL));
    }

    @Test
    void nullArgumentsAreRefused() {
        ClassFilter f = ClassFilter.of(AgentOptions.defaults());
        AgentLog log = logger.log(Level.WARNING);
        assertEquals("filter must not be null", assertThrows(NullPointerException.class,
                () -> new AgentTransformer(null, this::record, log)).getMessage());
        assertEquals("rewriter must not be null", assertThrows(NullPointerException.class,
                () -> new AgentTransformer(f, null, log)).getMessage());
        assertEquals("log must not be null", assertThrows(NullPointerException.class,
                () -> new AgentTransformer(f, this::record, null)).getMessage());
        assertEquals("dump must not be null", assertThrows(NullPointerException.class,
                () -> new AgentTransformer(f, this::record, log, null)).getMessage());
    }
}

package io.lowimpact.monitoring.instrument.internal.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link RewriterJit} where it cannot add its directive (this test JVM's management packages are not open to the
 * test classes, and {@link FakeInstrumentation} refuses to open them): the rewrite's bytes pass through unchanged,
 * the attempt is made once, at the first rewritten class, and its failure is one {@code DEBUG} line, never an
 * exception into class loading.
 */
class RewriterJitTest {

    @Test
    void s38_aDirectiveThatCannotBeAddedIsLoggedOnceAtTheFirstRewriteAndChangesNothing() {
        RecordingLogger logger = new RecordingLogger();
        List<String> asked = new ArrayList<>();
        byte[] rewritten = {1, 2, 3};
        AgentTransformer.Rewriter rewriter = new RewriterJit(new FakeInstrumentation(), logger.log(Level.DEBUG))
                .onFirstRewrite((loader, name, original) -> {
                    asked.add(name);
                    return name.equals("a/Unchanged") ? null : rewritten;
                });

        assertNull(rewriter.rewrite(null, "a/Unchanged", new byte[0]));
        assertEquals(List.of(), logger.entries, "no directive before a class is rewritten");
        assertArrayEquals(rewritten, rewriter.rewrite(null, "a/First", new byte[0]));
        assertArrayEquals(rewritten, rewriter.rewrite(null, "a/Second", new byte[0]));

        assertEquals(List.of("a/Unchanged", "a/First", "a/Second"), asked);
        assertEquals(1, logger.entries.size(), logger.entries::toString);
        RecordingLogger.Entry entry = logger.entries.get(0);
        assertEquals(Level.DEBUG, entry.level);
        assertEquals("the rewrite's code stays open to C2: java.lang.UnsupportedOperationException", entry.message);
    }
}

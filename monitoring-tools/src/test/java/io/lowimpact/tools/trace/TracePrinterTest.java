package io.lowimpact.tools.trace;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tracing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The printer over a small injected program: {@code app.js} units {@code main}, {@code helper} and {@code fail}
 * (fail raises, helper unwinds, main catches), called through an unselected {@code lib.js} unit.
 */
class TracePrinterTest {

    private static int sequence;

    /** An injected unit: entry 0, line {@code firstLine + i} at {@code 1 + i}, exit at the end. */
    private static final class Unit {
        final Probe start;
        final Probe ret;
        final Probe unwind;
        final Probe raise;
        final Probe[] lines;

        Unit(String source, String name, int firstLine, int count) {
            CodeUnitSpec.Builder spec = CodeUnitSpec.builder(source, name + sequence).sourceFile(source)
                    .length(count + 2);
            for (int i = 0; i < count; i++) {
                spec.line(1 + i, 2 + i, firstLine + i);
            }
            CodeUnit code = CodeUnit.define(spec.build());
            start = Monitoring.probe(code, Event.METHOD_START, 0);
            ret = Monitoring.probe(code, Event.METHOD_RETURN, count + 1);
            unwind = Monitoring.probe(code, Event.METHOD_UNWIND, count + 1);
            raise = Monitoring.probe(code, Event.RAISE, count);
            lines = new Probe[count];
            for (int i = 0; i < count; i++) {
                lines[i] = Monitoring.probe(code, Event.LINE, 1 + i);
            }
        }

        void enter() {
            if (start.isActive()) {
                start.fire();
            }
        }

        void line(int i) {
            if (lines[i].isActive()) {
                lines[i].fire();
            }
        }

        void exit(Object value) {
            if (ret.isActive()) {
                ret.fireReturn(value);
            }
        }
    }

    private final Unit main;
    private final Unit lib;
    private final Unit helper;
    private final Unit fail;

    TracePrinterTest() {
        sequence++;
        main = new Unit("app.js", "main", 1, 3);
        lib = new Unit("lib.js", "each", 50, 1);
        helper = new Unit("app.js", "helper", 10, 2);
        fail = new Unit("app.js", "fail", 20, 1);
    }

    @AfterEach
    void tearDown() {
        Tracing.setTrace(null);
        Tracing.setTraceAllThreads(null);
    }

    private void run() {
        main.enter();
        main.line(0);
        try {
            lib.enter();
            lib.line(0);
            helper.enter();
            helper.line(0);
            helper.line(1);
            fail.enter();
            fail.line(0);
            IllegalStateException boom = new IllegalStateException("boom");
            fail.raise.fireException(boom);
            fail.unwind.fireException(boom);
            helper.unwind.fireException(boom);
            lib.unwind.fireException(boom);
            throw boom;
        } catch (IllegalStateException e) {
            main.line(1);
        }
        main.line(2);
        main.exit(Monitoring.MISSING);
        helper.enter();
        helper.exit(42);
    }

    @Test
    void printsTheSelectedUnitsIndentedByDepth() {
        StringBuilder out = new StringBuilder();
        TracePrinter printer = TracePrinter.builder().classes("app.js").to(out).build();
        printer.install();
        assertSame(printer, Tracing.getTrace());
        run();
        printer.uninstall();
        assertNull(Tracing.getTrace());
        String n = Integer.toString(sequence);
        assertEquals(String.join("\n",
                "call app.js.main" + n,
                "  line 1",
                "  call app.js.helper" + n,
                "    line 10",
                "    line 11",
                "    call app.js.fail" + n,
                "      line 20",
                "      exception java.lang.IllegalStateException: boom",
                "      unwind java.lang.IllegalStateException: boom",
                "    unwind java.lang.IllegalStateException: boom",
                "  line 2",
                "  line 3",
                "  return",
                "call app.js.helper" + n,
                "  return 42",
                ""), out.toString());

        out.setLength(0);
        run();
        assertEquals("", out.toString(), "uninstalled: nothing printed");
    }

    @Test
    void selectsBySourceFileWithItsOwnIndentAndFormatter() {
        StringBuilder out = new StringBuilder();
        TracePrinter printer = TracePrinter.builder().sources("lib.js").indent("| ").to(out)
                .values(v -> v instanceof Throwable ? ((Throwable) v).getMessage() : "value " + v).build();
        printer.installAllThreads();
        run();
        printer.uninstall();
        assertEquals(String.join("\n",
                "call lib.js.each" + sequence,
                "| line 50",
                "| unwind boom",
                ""), out.toString());
    }

    @Test
    void badConfigurationIsRefused() {
        assertEquals("classes() needs at least one prefix",
                assertThrows(IllegalArgumentException.class, () -> TracePrinter.builder().classes()).getMessage());
        assertEquals("output must not be null",
                assertThrows(NullPointerException.class, () -> TracePrinter.builder().to(null)).getMessage());
    }
}

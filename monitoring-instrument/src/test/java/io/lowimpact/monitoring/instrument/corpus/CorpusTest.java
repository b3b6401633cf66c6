package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the per-topic tests: runs one static method of an instrumented copy of a target (fresh loader, so
 * static initialisers run inside the scenario) while tool 0 records every event but INSTRUCTION.
 */
abstract class CorpusTest {

    /** What the scenarios record: everything bytecode fires but INSTRUCTION, which gets tests of its own. */
    static final EventSet EVENTS = EventSet.ALL.minus(EventSet.of(Event.INSTRUCTION));

    /** The outcome of the last {@link #run}. */
    Instrumented.Outcome outcome;

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    /** Runs {@code target.method(args)} instrumented, recording {@code events} with tool 0; returns the lines. */
    List<String> run(EventSet events, Class<?> target, String method, Object... args) {
        Method m = Instrumented.method(Instrumented.load(target), method);
        Recorder recorder = Recorder.start(0, events);
        try {
            outcome = Instrumented.call(m, args);
        } finally {
            Monitoring.freeToolId(0);
        }
        return recorder.lines();
    }

    /** Runs {@code target.method(args)} instrumented, recording {@link #EVENTS}; returns the lines. */
    List<String> run(Class<?> target, String method, Object... args) {
        return run(EVENTS, target, method, args);
    }

    /** Compares a whole stream; the message shows the stream received, one event a line. */
    static void assertStream(List<String> expected, List<String> actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual,
                () -> "stream received:\n  " + String.join("\n  ", actual) + "\n");
    }

    /** @return the parts, one after the other: for streams with a repeated part (static initialisers) */
    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> all = new java.util.ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** @return the value the last run returned (fails if it threw) */
    Object returned() {
        return outcome.returned();
    }

    /** @return the exception the last run threw (fails if it returned) */
    Throwable thrown() {
        if (outcome.thrown() == null) {
            throw new AssertionError("expected an exception, got a return of " + outcome.value());
        }
        return outcome.thrown();
    }
}

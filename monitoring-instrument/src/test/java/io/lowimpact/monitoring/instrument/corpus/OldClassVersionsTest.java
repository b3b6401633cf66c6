package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Class files of versions 49 (no stack map frames, no {@code invokedynamic}) and 50 (frames, no
 * {@code invokedynamic}) get probes too, fetching their mask array with a static call: every call of every corpus
 * target that such a version can hold gives exactly the event stream of the target's own version (61), with every
 * bytecode event on (calls that overflow the stack are left out).
 */
class OldClassVersionsTest {

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    /** The targets that versions 49 and 50 can hold. */
    static List<Class<?>> oldTargets() {
        List<Class<?>> fit = new ArrayList<>();
        for (Class<?> target : Corpus.targets()) {
            if (OldVersions.fits(Instrumented.classFile(target.getName()))) {
                fit.add(target);
            }
        }
        return fit;
    }

    static Stream<Arguments> cases() {
        return oldTargets().stream().flatMap(t -> Stream.of(Arguments.of(t, 49), Arguments.of(t, 50)));
    }

    @Test
    void theOldVersionsCoverBranchesLoopsSwitchesAndHandlers() {
        List<String> names = new ArrayList<>();
        for (Class<?> target : oldTargets()) {
            names.add(target.getSimpleName());
        }
        assertTrue(names.containsAll(List.of("IfElse", "Switches", "TryCatchFinally", "NestedExceptions",
                "Synchronized", "BreakContinue", "JvmExceptions")), names::toString);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameEventsAsTheTargetsOwnVersion(Class<?> target, int version) throws Exception {
        for (Corpus.Call call : Corpus.calls(target)) {
            if (Instrumented.call(call.method(), call.args()).thrown() instanceof StackOverflowError) {
                continue; // how deep the stack goes depends on the frames' sizes, which probes change
            }
            List<String> modern = record(Instrumented.loader(), target, call);
            List<String> old = record(Instrumented.loader(version), target, call);
            assertEquals(modern, old, () -> call + " as version " + version);
        }
    }

    private static List<String> record(ClassLoader loader, Class<?> target, Corpus.Call call) throws Exception {
        Class<?> copy = Class.forName(target.getName(), false, loader);
        Method m = Instrumented.method(copy, call.method().getName());
        Recorder recorder = Recorder.start(0, EventSet.ALL);
        try {
            Instrumented.Outcome outcome = Instrumented.call(m, call.args());
            List<String> lines = new ArrayList<>(recorder.lines());
            lines.add("outcome " + (outcome.thrown() != null ? outcome.thrown().getClass().getName()
                    : String.valueOf(outcome.value())));
            return lines;
        } finally {
            Monitoring.freeToolId(0);
        }
    }
}

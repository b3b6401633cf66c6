package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * What the ports of CPython's {@code Lib/test/test_monitoring.py} share: its tool ids, fresh code units standing in
 * for Python code objects, and typed callback registration for any event.
 *
 * <p>A Python function becomes a unit defined through {@link CodeUnit#define(CodeUnitSpec)} with two-byte "code
 * units" as offsets (like CPython's), and running it becomes firing its probes in the order CPython's interpreter
 * would.
 */
final class Ports {

    /** CPython's {@code TEST_TOOL}. */
    static final int TEST_TOOL = 2;
    /** CPython's {@code TEST_TOOL2}. */
    static final int TEST_TOOL2 = 3;
    /** CPython's {@code TEST_TOOL3}. */
    static final int TEST_TOOL3 = 4;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Ports() {
    }

    /** Frees every tool id, so that no test sees another's tools (the runtime is one per JVM). */
    static void freeAllTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    /**
     * Defines a fresh unit, named {@code name$n} with a JVM-wide unique {@code n}, in source file
     * {@code test_monitoring.py} (index 0).
     *
     * @param name the Python function's name; {@link #tag(CodeUnit)} gives it back
     * @param tables adds length, lines and branches
     * @return the unit
     */
    static CodeUnit define(String name, UnaryOperator<CodeUnitSpec.Builder> tables) {
        CodeUnitSpec.Builder builder = CodeUnitSpec.builder("cpython.test_monitoring", name + "$" + SEQUENCE.incrementAndGet())
                .sourceFile("test_monitoring.py");
        return CodeUnit.define(tables.apply(builder).build());
    }

    /**
     * @param code a unit made by {@link #define}
     * @return the Python function name it stands for
     */
    static String tag(CodeUnit code) {
        String name = code.methodName();
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    /**
     * Registers an object that implements the event's callback type.
     *
     * @param tool the tool
     * @param event the event
     * @param callback a callback implementing {@code event.callbackType()}, or null
     * @param <C> the callback type
     * @return the previous callback
     */
    static <C> C register(Tool tool, Event<C> event, Object callback) {
        return tool.registerCallback(event, event.cast(callback));
    }

    /**
     * The id form of {@link #register(Tool, Event, Object)}.
     *
     * @param id the tool id
     * @param event the event
     * @param callback a callback implementing {@code event.callbackType()}, or null
     * @param <C> the callback type
     * @return the previous callback
     */
    static <C> C register(int id, Event<C> event, Object callback) {
        return Monitoring.registerCallback(id, event, event.cast(callback));
    }
}

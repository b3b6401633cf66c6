package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code MonitoringTestBase}: before each test, no tool has events and {@code TEST_TOOL},
 * {@code TEST_TOOL2} and {@code TEST_TOOL3} are free; the test then holds all three. Every tool id is freed after
 * each test.
 */
abstract class MonitoringTestBase {

    /** The tool on {@link Ports#TEST_TOOL}. */
    Tool tool;
    /** The tool on {@link Ports#TEST_TOOL2}. */
    Tool tool2;
    /** The tool on {@link Ports#TEST_TOOL3}. */
    Tool tool3;

    @BeforeEach
    void useTestTools() {
        Ports.freeAllTools();
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            assertEquals(EventSet.NONE, Monitoring.getEvents(id));
        }
        assertTrue(Monitoring.getTool(Ports.TEST_TOOL).isEmpty());
        assertTrue(Monitoring.getTool(Ports.TEST_TOOL2).isEmpty());
        assertTrue(Monitoring.getTool(Ports.TEST_TOOL3).isEmpty());
        String name = getClass().getSimpleName();
        tool = Monitoring.useToolId(Ports.TEST_TOOL, "test " + name);
        tool2 = Monitoring.useToolId(Ports.TEST_TOOL2, "test2 " + name);
        tool3 = Monitoring.useToolId(Ports.TEST_TOOL3, "test3 " + name);
    }

    @AfterEach
    void freeTools() {
        Ports.freeAllTools();
    }
}

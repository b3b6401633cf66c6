package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Port of CPython's {@code MonitoringCountTest} ({@code Lib/test/test_monitoring.py}): a callback runs once per
 * event, and not at all once unregistered; {@code registerCallback} returns the previous callback (S16). C functions
 * become external calls: {@code C_RETURN} is {@link Event#EXTERNAL_RETURN}, switched on by {@link Event#CALL} (S10).
 *
 * <p>CPython's call counts include the test harness's own call of {@code register_callback}, which is monitored
 * too; injected units see only what they fire, so the expected counts here are those of the function alone.
 */
class MonitoringCountTest extends MonitoringTestBase {

    private void checkEventCount(Runnable func, Event<?> event, int expected) {
        CounterWithDisable counter = new CounterWithDisable();
        Ports.register(tool, event, counter);
        if (event == Event.EXTERNAL_RETURN || event == Event.EXTERNAL_RAISE) {
            tool.setEvents(EventSet.of(Event.CALL));
        } else {
            tool.setEvents(EventSet.of(event));
        }
        assertEquals(0, counter.count);
        func.run();
        assertEquals(expected, counter.count);
        Object prev = Ports.register(tool, event, null);
        counter.count = 0;
        func.run();
        assertEquals(0, counter.count);
        assertSame(counter, prev);
        tool.setEvents(EventSet.NONE);
    }

    /** {@code test_start_count}. */
    @Test
    void startCount() {
        checkEventCount(new PyFunctions.F1()::run, Event.METHOD_START, 1);
    }

    /** {@code test_resume_count}: the generator resumes twice after it started. */
    @Test
    void resumeCount() {
        checkEventCount(new PyFunctions.G1()::run, Event.METHOD_RESUME, 2);
    }

    /** {@code test_return_count}. */
    @Test
    void returnCount() {
        checkEventCount(new PyFunctions.F1()::run, Event.METHOD_RETURN, 1);
    }

    /** {@code test_call_count}: {@code len} and {@code getsizeof} (CPython: 3, with the harness's own call). */
    @Test
    void callCount() {
        checkEventCount(new PyFunctions.F2()::run, Event.CALL, 2);
    }

    /** {@code test_c_return_count}. */
    @Test
    void externalReturnCount() {
        checkEventCount(new PyFunctions.F2()::run, Event.EXTERNAL_RETURN, 2);
    }

    /** Not in CPython: the yields of {@code gen} under {@code g1}. */
    @Test
    void yieldCount() {
        checkEventCount(new PyFunctions.G1()::run, Event.METHOD_YIELD, 2);
    }
}

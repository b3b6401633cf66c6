package io.lowimpact.tools.profiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The profiler's advancing clock: it takes {@code System.nanoTime()}'s values, moves on, and stops when told. */
class TickClockTest {

    @Test
    void advancesFromNanoTimeUntilStopped() throws InterruptedException {
        long before = System.nanoTime();
        TickClock clock = TickClock.start(100_000);
        long first = clock.getAsLong();
        assertTrue(first >= before, "the clock starts at nanoTime");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (clock.getAsLong() == first && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        long later = clock.getAsLong();
        assertTrue(later > first, "the clock advanced within 10 s");
        assertTrue(later <= System.nanoTime(), "the clock is never ahead of nanoTime");
        clock.stop();
        Thread.sleep(20); // let the thread see the flag and end; it may store one more time while it does
        long stopped = clock.getAsLong();
        Thread.sleep(20);
        assertEquals(stopped, clock.getAsLong(), "a stopped clock keeps its time");
    }

    @Test
    void periodMustBePositive() {
        assertEquals("the clock's period must be positive: 0",
                assertThrows(IllegalArgumentException.class, () -> TickClock.start(0)).getMessage());
    }
}

package io.lowimpact.monitoring;

import static io.lowimpact.monitoring.Event.BRANCH_LEFT;
import static io.lowimpact.monitoring.Event.BRANCH_RIGHT;
import static io.lowimpact.monitoring.Event.CALL;
import static io.lowimpact.monitoring.Event.EXTERNAL_RAISE;
import static io.lowimpact.monitoring.Event.EXTERNAL_RETURN;
import static io.lowimpact.monitoring.Event.INSTRUCTION;
import static io.lowimpact.monitoring.Event.LINE;
import static io.lowimpact.monitoring.Event.METHOD_START;
import static io.lowimpact.monitoring.Event.RAISE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** S9: {@link EventSet} is an immutable value over an int mask. */
class EventSetTest {

    @Test
    void s9_ofHoldsExactlyTheGivenEvents() {
        EventSet set = EventSet.of(LINE, BRANCH_LEFT);
        assertTrue(set.contains(LINE));
        assertTrue(set.contains(BRANCH_LEFT));
        assertFalse(set.contains(BRANCH_RIGHT));
        assertFalse(set.contains(METHOD_START));
        assertEquals(2, set.size());
        assertEquals((1 << 5) | (1 << 8), set.mask());
        assertEquals(List.of(LINE, BRANCH_LEFT), set.events());
    }

    @Test
    void s9_ofWithoutEventsIsNone() {
        assertEquals(EventSet.NONE, EventSet.of());
        assertTrue(EventSet.of().isEmpty());
    }

    @Test
    void s9_ofRejectsNullEvent() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> EventSet.of(LINE, null));
        assertEquals("event must not be null", e.getMessage());
    }

    @Test
    void s9_noneIsEmpty() {
        assertTrue(EventSet.NONE.isEmpty());
        assertEquals(0, EventSet.NONE.mask());
        assertEquals(0, EventSet.NONE.size());
        assertEquals(List.of(), EventSet.NONE.events());
        for (Event<?> e : Event.values()) {
            assertFalse(EventSet.NONE.contains(e), e.name());
        }
    }

    @Test
    void s9_allHoldsEveryEvent() {
        assertEquals(0x3FFFF, EventSet.ALL.mask());
        assertEquals(18, EventSet.ALL.size());
        assertFalse(EventSet.ALL.isEmpty());
        assertEquals(Event.values(), EventSet.ALL.events());
        for (Event<?> e : Event.values()) {
            assertTrue(EventSet.ALL.contains(e), e.name());
        }
    }

    @Test
    void s9_branchIsLeftAndRight() {
        assertEquals(EventSet.of(BRANCH_LEFT, BRANCH_RIGHT), EventSet.BRANCH);
        assertEquals("{BRANCH_LEFT, BRANCH_RIGHT}", EventSet.BRANCH.toString());
    }

    @Test
    void s9_kindSetsPartitionAll() {
        assertEquals(EventSet.ALL, EventSet.LOCAL.union(EventSet.GLOBAL).union(EventSet.ANCILLARY));
        assertTrue(EventSet.LOCAL.intersect(EventSet.GLOBAL).isEmpty());
        assertTrue(EventSet.LOCAL.intersect(EventSet.ANCILLARY).isEmpty());
        assertTrue(EventSet.GLOBAL.intersect(EventSet.ANCILLARY).isEmpty());
        assertEquals(EventSet.of(EXTERNAL_RETURN, EXTERNAL_RAISE), EventSet.ANCILLARY);
        assertEquals("{RAISE, EXCEPTION_HANDLED, METHOD_UNWIND, METHOD_THROW, RERAISE}", EventSet.GLOBAL.toString());
        assertEquals("{METHOD_START, METHOD_RESUME, METHOD_RETURN, METHOD_YIELD, CALL, LINE, INSTRUCTION, JUMP,"
                + " BRANCH_LEFT, BRANCH_RIGHT, STOP_ITERATION}", EventSet.LOCAL.toString());
    }

    @Test
    void s9_unionHasEventsOfBoth() {
        EventSet a = EventSet.of(LINE);
        EventSet b = EventSet.of(CALL, LINE);
        EventSet u = a.union(b);
        assertEquals(EventSet.of(CALL, LINE), u);
        assertEquals(EventSet.of(LINE), a, "union must not change its receiver");
        assertEquals(EventSet.of(CALL, LINE), b, "union must not change its argument");
        assertEquals(EventSet.of(LINE, CALL), EventSet.of(LINE).with(CALL));
    }

    @Test
    void s9_minusRemovesEventsOfOther() {
        EventSet a = EventSet.of(LINE, CALL, RAISE);
        assertEquals(EventSet.of(LINE), a.minus(EventSet.of(CALL, RAISE, INSTRUCTION)));
        assertEquals(EventSet.of(LINE, CALL, RAISE), a, "minus must not change its receiver");
        assertSame(EventSet.NONE, a.minus(EventSet.ALL));
        assertEquals(EventSet.of(CALL), a.intersect(EventSet.of(CALL, INSTRUCTION)));
    }

    @Test
    void s9_containsAll() {
        assertTrue(EventSet.of(LINE, CALL).containsAll(EventSet.of(CALL)));
        assertTrue(EventSet.of(LINE, CALL).containsAll(EventSet.NONE));
        assertFalse(EventSet.of(LINE).containsAll(EventSet.of(CALL, LINE)));
    }

    @Test
    void s9_containsRejectsNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> EventSet.ALL.contains(null));
        assertEquals("event must not be null", e.getMessage());
    }

    @Test
    void s9_isEmpty() {
        assertTrue(EventSet.NONE.isEmpty());
        assertFalse(EventSet.of(EXTERNAL_RAISE).isEmpty());
        assertTrue(EventSet.of(LINE).minus(EventSet.of(LINE)).isEmpty());
    }

    @Test
    void s9_equalsAndHashCodeByValue() {
        EventSet a = EventSet.of(LINE, BRANCH_LEFT);
        EventSet b = EventSet.of(BRANCH_LEFT).union(EventSet.of(LINE));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a, EventSet.ofMask(a.mask()));
        assertNotEquals(a, EventSet.of(LINE));
        assertNotEquals(a, "{LINE, BRANCH_LEFT}");
        assertNotEquals(a, null);
    }

    @Test
    void s9_toStringListsNamesInOrdinalOrder() {
        assertEquals("{LINE, BRANCH_LEFT}", EventSet.of(BRANCH_LEFT, LINE).toString());
        assertEquals("{}", EventSet.NONE.toString());
        assertEquals("{EXTERNAL_RETURN}", EventSet.of(EXTERNAL_RETURN).toString());
        assertEquals("{METHOD_START, CALL, RAISE, EXTERNAL_RAISE}",
                EventSet.of(EXTERNAL_RAISE, RAISE, CALL, METHOD_START).toString());
    }

    @Test
    void s9_ofMaskRoundTrips() {
        for (Event<?> e : Event.values()) {
            assertEquals(EventSet.of(e), EventSet.ofMask(1 << e.ordinal()));
        }
        assertSame(EventSet.NONE, EventSet.ofMask(0));
        assertEquals(EventSet.ALL, EventSet.ofMask(0x3FFFF));
    }

    @Test
    void s9_ofMaskRejectsBitsThatNameNoEvent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventSet.ofMask(1 << 18));
        assertEquals("invalid event mask 0x40000 (bits above 17 name no event)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EventSet.ofMask(-1));
        assertEquals("invalid event mask 0xffffffff (bits above 17 name no event)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EventSet.ofMask(Integer.MIN_VALUE | 1));
        assertEquals("invalid event mask 0x80000001 (bits above 17 name no event)", e.getMessage());
    }

    @Test
    void s9_eventsListIsImmutable() {
        List<Event<?>> events = EventSet.of(LINE).events();
        assertThrows(UnsupportedOperationException.class, () -> events.add(CALL));
        assertEquals(EventSet.of(LINE), EventSet.of(LINE));
    }
}

package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.CountCallback;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The argument checks of counted events ({@code setCountedEvents}, S47): only the events of
 * {@link EventSet#COUNTABLE} can be counted, an event is deferred or counted by a tool but not both, nulls are
 * refused but an empty set needs no callback, a free id counts nothing, and clearing or freeing a tool empties its
 * set.
 */
class CountedEventsApiTest {

    /** Does nothing with what it receives. */
    private static final CountCallback IGNORE = (code, event, offset, to, line, count) -> { };

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    @Test
    void s47_onlyCountableEventsCanBeCounted() {
        Tool tool = Monitoring.useToolId(1, "counted-checks");
        assertEquals(EventSet.DEFERRABLE.with(Event.METHOD_RETURN), EventSet.COUNTABLE);
        for (Event<?> event : Event.values()) {
            if (EventSet.COUNTABLE.contains(event)) {
                continue;
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> tool.setCountedEvents(EventSet.of(Event.LINE, event), IGNORE), event::name);
            assertTrue(e.getMessage().startsWith("cannot count"), e.getMessage());
            assertTrue(e.getMessage().contains(event.name()), e.getMessage());
            assertEquals(EventSet.NONE, tool.getCountedEvents(), "a refused set changes nothing");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.setCountedEvents(1, EventSet.of(Event.CALL), IGNORE));
        assertTrue(e.getMessage().startsWith("cannot count") && e.getMessage().contains("CALL"), e.getMessage());
        tool.setCountedEvents(EventSet.COUNTABLE, IGNORE);
        assertEquals(EventSet.COUNTABLE, tool.getCountedEvents());
        assertEquals(EventSet.COUNTABLE, Monitoring.getCountedEvents(1));
        Monitoring.setCountedEvents(1, EventSet.of(Event.LINE), IGNORE);
        assertEquals(EventSet.of(Event.LINE), tool.getCountedEvents());
    }

    @Test
    void s47_anEventIsDeferredOrCountedNotBoth() {
        Tool tool = Monitoring.useToolId(1, "counted-deferred");
        tool.setDeferredEvents(EventSet.of(Event.LINE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tool.setCountedEvents(EventSet.of(Event.LINE, Event.JUMP), IGNORE));
        assertTrue(e.getMessage().contains("defer"), e.getMessage());
        assertEquals(EventSet.NONE, tool.getCountedEvents());
        tool.setCountedEvents(EventSet.BRANCH, IGNORE); // events it does not defer
        assertEquals(EventSet.BRANCH, tool.getCountedEvents());
        assertThrows(IllegalArgumentException.class,
                () -> tool.setDeferredEvents(EventSet.of(Event.LINE, Event.BRANCH_LEFT)));
        assertThrows(IllegalArgumentException.class, () -> Monitoring.setDeferredEvents(1, EventSet.BRANCH));
        assertEquals(EventSet.of(Event.LINE), tool.getDeferredEvents(), "a refused set changes nothing");
        tool.setCountedEvents(EventSet.NONE, null);
        tool.setDeferredEvents(EventSet.DEFERRABLE);
        assertEquals(EventSet.DEFERRABLE, tool.getDeferredEvents());
    }

    @Test
    void s47_nullsAreRefusedButNoEventsNeedNoCallback() {
        Tool tool = Monitoring.useToolId(1, "counted-nulls");
        assertThrows(NullPointerException.class, () -> tool.setCountedEvents(null, IGNORE));
        assertThrows(NullPointerException.class, () -> tool.setCountedEvents(EventSet.of(Event.LINE), null));
        assertThrows(NullPointerException.class, () -> Monitoring.setCountedEvents(1, null, IGNORE));
        assertThrows(NullPointerException.class, () -> Monitoring.setCountedEvents(1, EventSet.of(Event.LINE), null));
        assertEquals(EventSet.NONE, tool.getCountedEvents());
        tool.setCountedEvents(EventSet.of(Event.LINE), IGNORE);
        tool.setCountedEvents(EventSet.NONE, null);
        assertEquals(EventSet.NONE, tool.getCountedEvents(), "an empty set with no callback stops counting");
        Monitoring.setCountedEvents(1, EventSet.NONE, null);
        assertEquals(EventSet.NONE, Monitoring.getCountedEvents(1));
    }

    @Test
    void s47_aFreeIdCountsNothingAndClearingOrFreeingAToolEmptiesItsSet() {
        assertEquals(EventSet.NONE, Monitoring.getCountedEvents(1));
        assertThrows(IllegalStateException.class,
                () -> Monitoring.setCountedEvents(1, EventSet.of(Event.LINE), IGNORE));
        assertThrows(IllegalStateException.class, () -> Monitoring.setCountedEvents(1, EventSet.NONE, null));
        Tool tool = Monitoring.useToolId(1, "counted-free");
        assertEquals(EventSet.NONE, tool.getCountedEvents());
        tool.setCountedEvents(EventSet.of(Event.LINE), IGNORE);
        tool.clear();
        assertEquals(EventSet.NONE, Monitoring.getCountedEvents(1), "clear() empties it");
        tool.setCountedEvents(EventSet.of(Event.LINE), IGNORE);
        tool.close();
        assertEquals(EventSet.NONE, Monitoring.getCountedEvents(1), "freeing the id empties it");
        assertThrows(IllegalStateException.class, () -> tool.setCountedEvents(EventSet.NONE, null));
        Tool again = Monitoring.useToolId(1, "counted-again");
        assertEquals(EventSet.NONE, again.getCountedEvents(), "the id's next tool starts with none");
        again.setCountedEvents(EventSet.BRANCH, IGNORE);
        Monitoring.freeToolId(1);
        assertEquals(EventSet.NONE, Monitoring.getCountedEvents(1));
    }
}

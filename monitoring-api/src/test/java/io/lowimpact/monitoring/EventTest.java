package io.lowimpact.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** S8: the eighteen event constants, in the order, kinds and callback types of the table in docs/spec.md. */
class EventTest {

    /** The table of docs/spec.md S8, row by row: name, kind, callback type. */
    private static final Object[][] TABLE = {
        {"METHOD_START", Event.Kind.LOCAL, StartCallback.class},
        {"METHOD_RESUME", Event.Kind.LOCAL, StartCallback.class},
        {"METHOD_RETURN", Event.Kind.LOCAL, ReturnCallback.class},
        {"METHOD_YIELD", Event.Kind.LOCAL, ReturnCallback.class},
        {"CALL", Event.Kind.LOCAL, CallCallback.class},
        {"LINE", Event.Kind.LOCAL, LineCallback.class},
        {"INSTRUCTION", Event.Kind.LOCAL, InstructionCallback.class},
        {"JUMP", Event.Kind.LOCAL, JumpCallback.class},
        {"BRANCH_LEFT", Event.Kind.LOCAL, JumpCallback.class},
        {"BRANCH_RIGHT", Event.Kind.LOCAL, JumpCallback.class},
        {"STOP_ITERATION", Event.Kind.LOCAL, ExceptionCallback.class},
        {"RAISE", Event.Kind.GLOBAL, ExceptionCallback.class},
        {"EXCEPTION_HANDLED", Event.Kind.GLOBAL, ExceptionCallback.class},
        {"METHOD_UNWIND", Event.Kind.GLOBAL, ExceptionCallback.class},
        {"METHOD_THROW", Event.Kind.GLOBAL, ExceptionCallback.class},
        {"RERAISE", Event.Kind.GLOBAL, ExceptionCallback.class},
        {"EXTERNAL_RETURN", Event.Kind.ANCILLARY, CallCallback.class},
        {"EXTERNAL_RAISE", Event.Kind.ANCILLARY, CallCallback.class},
    };

    @Test
    void s8_eighteenEventsInTableOrder() {
        assertEquals(18, Event.COUNT);
        assertEquals(18, Event.values().size());
        List<String> names = new ArrayList<>();
        for (Event<?> e : Event.values()) {
            names.add(e.name());
        }
        List<String> expected = new ArrayList<>();
        for (Object[] row : TABLE) {
            expected.add((String) row[0]);
        }
        assertEquals(expected, names);
    }

    @Test
    void s8_ordinalsNamesKindsAndCallbackTypesMatchTheTable() {
        for (int i = 0; i < TABLE.length; i++) {
            Event<?> e = Event.values().get(i);
            assertEquals(i, e.ordinal(), e.name());
            assertEquals(TABLE[i][0], e.name());
            assertEquals(TABLE[i][0], e.toString());
            assertEquals(TABLE[i][1], e.kind(), e.name());
            assertEquals(TABLE[i][2], e.callbackType(), e.name());
            assertSame(e, Event.ofOrdinal(i));
        }
    }

    @Test
    void s8_constantsArePublicStaticFinalFieldsTypedByCallback() throws Exception {
        int found = 0;
        for (Object[] row : TABLE) {
            Field f = Event.class.getField((String) row[0]);
            int m = f.getModifiers();
            assertTrue(Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m), f.getName());
            assertEquals(Event.class, f.getType());
            ParameterizedType type = (ParameterizedType) f.getGenericType();
            assertEquals(row[2], type.getActualTypeArguments()[0], f.getName());
            Event<?> e = (Event<?>) f.get(null);
            assertEquals(row[0], e.name());
            found++;
        }
        assertEquals(18, found);
    }

    @Test
    void s8_constantFieldsAreSameInstancesAsValues() {
        assertSame(Event.METHOD_START, Event.values().get(0));
        assertSame(Event.LINE, Event.values().get(5));
        assertSame(Event.BRANCH_RIGHT, Event.values().get(9));
        assertSame(Event.RAISE, Event.values().get(11));
        assertSame(Event.RERAISE, Event.values().get(15));
        assertSame(Event.EXTERNAL_RAISE, Event.values().get(17));
    }

    @Test
    void s8_valuesIsImmutable() {
        assertThrows(UnsupportedOperationException.class, () -> Event.values().add(Event.LINE));
    }

    @Test
    void s8_ofOrdinalRejectsOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Event.ofOrdinal(-1));
        assertEquals("invalid event ordinal -1 (must be between 0 and 17)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Event.ofOrdinal(18));
        assertEquals("invalid event ordinal 18 (must be between 0 and 17)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Event.ofOrdinal(Integer.MAX_VALUE));
        assertEquals("invalid event ordinal 2147483647 (must be between 0 and 17)", e.getMessage());
    }

    @Test
    void s8_castAcceptsTheCallbackTypeAndNull() {
        LineCallback cb = (code, line) -> Action.CONTINUE;
        assertSame(cb, Event.LINE.cast(cb));
        assertEquals(null, Event.LINE.cast(null));
    }

    @Test
    void s8_castRejectsAnotherCallbackType() {
        StartCallback cb = new StartCallback() {
            @Override
            public Action onStart(CodeUnit code, int offset) {
                return null;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Event.LINE.cast(cb));
        assertEquals("a LINE callback must be a LineCallback, not " + cb.getClass().getName(), e.getMessage());
    }

    @Test
    void s17_actionsAndMonitoringDisable() {
        assertEquals(List.of(Action.CONTINUE, Action.DISABLE), List.of(Action.values()));
        assertSame(Action.DISABLE, Monitoring.DISABLE);
    }
}

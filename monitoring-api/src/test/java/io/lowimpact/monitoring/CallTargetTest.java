package io.lowimpact.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** S8: the {@code target} of a CALL event: owner, name, descriptor and kind. */
class CallTargetTest {

    @Test
    void s8_componentsAndToString() {
        CallTarget t = new CallTarget("java.lang.String", "length", "()I", CallTarget.Kind.VIRTUAL);
        assertEquals("java.lang.String", t.owner());
        assertEquals("length", t.name());
        assertEquals("()I", t.descriptor());
        assertEquals(CallTarget.Kind.VIRTUAL, t.kind());
        assertEquals("java.lang.String.length()I", t.toString());
        assertEquals("a.B.c()", new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER).toString());
    }

    @Test
    void s8_equalsByValue() {
        CallTarget t = new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER);
        assertEquals(t, new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER));
        assertEquals(t.hashCode(), new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER).hashCode());
        assertNotEquals(t, new CallTarget("a.B", "c", "()", CallTarget.Kind.STATIC));
        assertNotEquals(t, new CallTarget("a.B", "c", "(I)", CallTarget.Kind.OTHER));
    }

    @Test
    void s8_kindsAreTheInvokeInstructionsAndOther() {
        assertEquals(List.of(CallTarget.Kind.VIRTUAL, CallTarget.Kind.STATIC, CallTarget.Kind.SPECIAL,
                CallTarget.Kind.INTERFACE, CallTarget.Kind.DYNAMIC, CallTarget.Kind.OTHER),
                List.of(CallTarget.Kind.values()));
    }

    @Test
    void s8_rejectsNullComponents() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new CallTarget(null, "c", "()", CallTarget.Kind.OTHER));
        assertEquals("owner must not be null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> new CallTarget("a.B", null, "()", CallTarget.Kind.OTHER));
        assertEquals("name must not be null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> new CallTarget("a.B", "c", null, CallTarget.Kind.OTHER));
        assertEquals("descriptor must not be null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> new CallTarget("a.B", "c", "()", null));
        assertEquals("kind must not be null", e.getMessage());
    }
}

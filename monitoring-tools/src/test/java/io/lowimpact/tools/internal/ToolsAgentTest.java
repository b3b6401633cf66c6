package io.lowimpact.tools.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolsAgentTest {

    @Test
    void parse_keysInOrderWithBlanksIgnored() {
        assertEquals(Map.of("profile", "/tmp/out"), ToolsAgent.parse(" profile = /tmp/out "));
    }

    @Test
    void parse_unknownKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToolsAgent.parse("profile=/tmp,bogus=1"));
        assertEquals("unknown tools agent option 'bogus' (known: profile, trace)", e.getMessage());
    }

    @Test
    void parse_missingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolsAgent.parse("profile"));
        assertEquals("tools agent option 'profile' needs a value: profile=...", e.getMessage());
    }

    @Test
    void parse_repeatedKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToolsAgent.parse("profile=a,profile=b"));
        assertEquals("tools agent option 'profile' is given twice", e.getMessage());
    }

    @Test
    void parse_nothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolsAgent.parse(""));
        assertEquals("the tools agent needs an option naming a tool (known: profile, trace), for example profile=<dir>",
                e.getMessage());
    }

    @Test
    void trace_globsBecomeClassPrefixes() {
        assertEquals(List.of("com.acme.Foo", "com.acme.", "org.x"),
                List.of(TraceStarter.prefixes("com.acme.Foo* : com.acme.**;org.x")));
    }

    @Test
    void trace_aStarInsideAGlobIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceStarter.prefixes("com.*.Foo"));
        assertEquals("trace=com.*.Foo: '*' may only end a class-name glob", e.getMessage());
    }

    @Test
    void trace_noClassIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceStarter.prefixes(":;"));
        assertEquals("trace=:; names no classes", e.getMessage());
    }
}

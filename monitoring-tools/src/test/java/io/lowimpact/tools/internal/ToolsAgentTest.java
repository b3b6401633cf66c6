package io.lowimpact.tools.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolsAgentTest {

    @Test
    void parseKeysInOrderWithBlanksIgnored() {
        assertEquals(Map.of("profile", "/tmp/out"), ToolsAgent.parse(" profile = /tmp/out "));
    }

    @Test
    void parseUnknownKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToolsAgent.parse("profile=/tmp,bogus=1"));
        assertEquals("unknown tools agent option 'bogus' (known: profile, trace)", e.getMessage());
    }

    @Test
    void parseMissingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolsAgent.parse("profile"));
        assertEquals("tools agent option 'profile' needs a value: profile=...", e.getMessage());
    }

    @Test
    void parseRepeatedKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToolsAgent.parse("profile=a,profile=b"));
        assertEquals("tools agent option 'profile' is given twice", e.getMessage());
    }

    @Test
    void parseNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolsAgent.parse(""));
        assertEquals("the tools agent needs an option naming a tool (known: profile, trace), for example profile=<dir>",
                e.getMessage());
    }

    @Test
    void traceGlobsBecomeClassPrefixes() {
        assertEquals(List.of("com.acme.Foo", "com.acme.", "org.x"),
                List.of(TraceStarter.prefixes("com.acme.Foo* : com.acme.**;org.x")));
    }

    @Test
    void traceAStarInsideAGlobIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceStarter.prefixes("com.*.Foo"));
        assertEquals("trace=com.*.Foo: '*' may only end a class-name glob", e.getMessage());
    }

    @Test
    void traceNoClassIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceStarter.prefixes(":;"));
        assertEquals("trace=:; names no classes", e.getMessage());
    }
}

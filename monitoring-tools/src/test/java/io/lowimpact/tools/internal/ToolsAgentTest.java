package io.lowimpact.tools.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ToolsAgentTest {

    /** @return the message of the IllegalArgumentException that {@code call} must throw */
    private static String refusal(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void parseKeysInOrderWithBlanksIgnored() {
        assertEquals(Map.of("profile", "/tmp/out"), ToolsAgent.parse(" profile = /tmp/out "));
    }

    @Test
    void parseUnknownKey() {
        assertEquals("unknown tools agent option 'bogus' (known: profile, trace)",
                refusal(() -> ToolsAgent.parse("profile=/tmp,bogus=1")));
    }

    @Test
    void parseMissingValue() {
        assertEquals("tools agent option 'profile' needs a value: profile=...",
                refusal(() -> ToolsAgent.parse("profile")));
    }

    @Test
    void parseRepeatedKey() {
        assertEquals("tools agent option 'profile' is given twice",
                refusal(() -> ToolsAgent.parse("profile=a,profile=b")));
    }

    @Test
    void parseNothing() {
        assertEquals("the tools agent needs an option naming a tool (known: profile, trace), for example profile=<dir>",
                refusal(() -> ToolsAgent.parse("")));
    }

    @Test
    void traceGlobsBecomeClassPrefixes() {
        assertEquals(List.of("com.acme.Foo", "com.acme.", "org.x"),
                List.of(TraceStarter.prefixes("com.acme.Foo* : com.acme.**;org.x")));
    }

    @Test
    void traceAStarInsideAGlobIsRefused() {
        assertEquals("trace=com.*.Foo: '*' may only end a class-name glob",
                refusal(() -> TraceStarter.prefixes("com.*.Foo")));
    }

    @Test
    void traceNoClassIsRefused() {
        assertEquals("trace=:; names no classes", refusal(() -> TraceStarter.prefixes(":;")));
    }
}

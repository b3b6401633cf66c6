package io.lowimpact.tools.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
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
        assertEquals("unknown tools agent option 'bogus' (known: profileclock, profilepaths, profile, trace)",
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
        assertEquals("the tools agent needs an option naming a tool (known: profileclock, profilepaths, profile, trace), for example profile=<dir>",
                refusal(() -> ToolsAgent.parse("")));
    }

    @Test
    void parseProfileClockWithoutProfile() {
        assertEquals("tools agent option 'profileclock' is a setting of the profiler: give profile=<dir> too",
                refusal(() -> ToolsAgent.parse("profileclock=exact,trace=com.acme.**")));
    }

    @Test
    void parseProfilePathsWithoutProfile() {
        assertEquals("tools agent option 'profilepaths' is a setting of the profiler: give profile=<dir> too",
                refusal(() -> ToolsAgent.parse("profilepaths=1000,trace=com.acme.**")));
    }

    @Test
    void profilePathLimits() {
        assertEquals(1_000_000L, ProfilerStarter.parsePaths(" 1000000 "));
        for (String bad : List.of("0", "-5", "1e6", "1,000", "99999999999999999999", "many")) {
            assertEquals("tools agent option profilepaths=" + bad
                    + ": give a positive whole number of call paths, such as 1000000",
                    refusal(() -> ProfilerStarter.parsePaths(bad)), bad);
        }
    }

    @Test
    void profileClockPeriods() {
        assertEquals(Duration.ZERO, ProfilerStarter.parsePeriod("exact"));
        assertEquals(Duration.ofNanos(100_000), ProfilerStarter.parsePeriod("100us"));
        assertEquals(Duration.ofMillis(2), ProfilerStarter.parsePeriod(" 2MS "));
        for (String bad : List.of("0ms", "-1ms", "1s", "ms", "1.5ms", "99999999999999999us", "fast")) {
            assertEquals("tools agent option profileclock=" + bad + ": give exact, or a period such as 100us or 2ms",
                    refusal(() -> ProfilerStarter.parsePeriod(bad)), bad);
        }
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

package io.lowimpact.monitoring.rhino;

import io.lowimpact.monitoring.Monitoring;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rule for a tool that starts or stops while script frames run: a frame gets hooks when it is entered, only if
 * some probe of its unit is active then. A tool that starts sees a unit's events from the unit's next entry; frames
 * already running (the caller, a generator made earlier) fire nothing until they exit. A tool that stops receives
 * nothing more at once, hooks or not.
 */
class RhinoLateToolTest {

    private static int sequence;
    private String source;
    private EventLog log;

    @BeforeEach
    void setUp() {
        EventLog.freeAllTools();
        source = "late" + (++sequence) + ".js";
    }

    @AfterEach
    void tearDown() {
        if (log != null) {
            log.close();
        }
    }

    /** Runs a script whose global functions {@code startTool()} and {@code stopTool()} start and stop the log. */
    private List<String> run(String... lines) {
        try (Context cx = Context.enter()) {
            RhinoMonitoring.install(cx);
            Scriptable scope = cx.initStandardObjects();
            ScriptableObject.putProperty(scope, "startTool",
                    hook(() -> log = new EventLog(Monitoring.DEBUGGER_ID, source)));
            ScriptableObject.putProperty(scope, "stopTool", hook(() -> log.close()));
            cx.evaluateString(scope, String.join("\n", lines) + "\n", source, 1, null);
        }
        return log.take();
    }

    private static BaseFunction hook(Runnable action) {
        return new BaseFunction() {
            @Override
            public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
                action.run();
                return Undefined.instance;
            }
        };
    }

    @Test
    void aToolThatStartsMidScriptSeesTheNextCallButNotTheRunningFrame() {
        assertEquals(List.of(
                "START f@0", "LINE f 1", "LINE f 2", "RETURN f@3 3"), run(
                "function f(n) {",
                "  return n + 1;",
                "}",
                "var a = f(1);",
                "startTool();",
                "var b = f(2);",
                "a + b;"));
    }

    @Test
    void aGeneratorMadeBeforeTheToolStartedNeverFires() {
        assertEquals(List.of(
                "START gen@0", "RETURN gen@3 [object Generator]",
                "RESUME gen@0", "LINE gen 1", "LINE gen 2"), run(
                "function* gen() {",
                "  yield 1;",
                "}",
                "var early = gen();",
                "startTool();",
                "var late = gen();",
                "early.next();",
                "late.next();"));
    }

    @Test
    void aToolThatStopsReceivesNothingMoreFromHookedFrames() {
        assertEquals(List.of(
                "START <script>@0", "LINE <script> 1", "LINE <script> 6",
                "START f@0", "LINE f 2", "LINE f 3"), runStarted(
                "var x = 1;",
                "function f() {",
                "  stopTool();",
                "  return x;",
                "}",
                "f();",
                "x + 1;"));
    }

    private List<String> runStarted(String... lines) {
        log = new EventLog(Monitoring.DEBUGGER_ID, source);
        return run(lines);
    }
}

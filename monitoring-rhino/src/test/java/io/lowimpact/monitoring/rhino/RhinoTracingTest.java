package io.lowimpact.monitoring.rhino;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tracing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The legacy tracer (tool 7) over JavaScript, beside a tool on id 0 watching the same script (S43). */
class RhinoTracingTest {

    @AfterEach
    void tearDown() {
        Tracing.setTrace(null);
    }

    @Test
    void theTracerAndAToolSeeTheSameScriptEvents() {
        EventLog.freeAllTools();
        String source = "traced.js";
        List<String> trace = new ArrayList<>();
        Tracing.setTrace(new Tracing.Tracer() {
            @Override
            public void onCall(CodeUnit code, int offset) {
                add(code, "call " + code.methodName());
            }

            @Override
            public void onLine(CodeUnit code, int line) {
                add(code, "line " + line);
            }

            @Override
            public void onReturn(CodeUnit code, int offset, Object value) {
                add(code, "return " + (value == null ? "null" : Js.show(value)));
            }

            @Override
            public void onException(CodeUnit code, int offset, Throwable exception) {
                add(code, "exception " + EventLog.valueOf(exception));
            }

            private void add(CodeUnit code, String what) {
                if (code.className().equals(source)) {
                    trace.add(what);
                }
            }
        });
        try (EventLog log = new EventLog(Monitoring.DEBUGGER_ID, source)) {
            Js.run(String.join("\n",
                    "function fail(m) {",
                    "  throw m;",
                    "}",
                    "try {",
                    "  fail('boom');",
                    "} catch (e) {",
                    "  'caught ' + e;",
                    "}", ""), source);
            assertEquals(List.of(
                    "call <script>", "line 4", "line 5",
                    "call fail", "line 1", "line 2", "exception boom", "return null",
                    "line 6", "line 7", "return caught boom"), trace);
            assertEquals(List.of(
                    "START <script>@0", "LINE <script> 4", "LINE <script> 5",
                    "START fail@0", "LINE fail 1", "LINE fail 2", "RAISE fail@2 boom", "UNWIND fail@3 boom",
                    "HANDLED <script>@3 boom", "LINE <script> 6", "LINE <script> 7",
                    "RETURN <script>@5 caught boom"), log.take());
        }
    }
}

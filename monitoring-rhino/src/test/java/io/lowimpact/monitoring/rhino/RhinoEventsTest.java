package io.lowimpact.monitoring.rhino;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Position;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Real JavaScript in Rhino's interpreter, every event of its units recorded and compared whole. Offsets: 0 entry,
 * 1..n the unit's lines in ascending order, n+1 exit. A function's first line is its header, which Rhino marks too.
 */
class RhinoEventsTest {

    private static int sequence;
    private EventLog log;
    private String source;

    @BeforeEach
    void setUp() {
        EventLog.freeAllTools();
        source = "events" + (++sequence) + ".js";
        log = new EventLog(Monitoring.DEBUGGER_ID, source);
    }

    @AfterEach
    void tearDown() {
        log.close();
    }

    private List<String> run(String... lines) {
        Js.run(String.join("\n", lines) + "\n", source);
        return log.take();
    }

    @Test
    void aCallFiresStartLinesAndReturnWithItsValue() {
        assertEquals(List.of(
                "START <script>@0",
                "LINE <script> 5",
                "START add@0",
                "LINE add 1",
                "LINE add 2",
                "LINE add 3",
                "RETURN add@4 3",
                "LINE <script> 6",
                "RETURN <script>@3 6"), run(
                "function add(a, b) {",
                "  var s = a + b;",
                "  return s;",
                "}",
                "var x = add(1, 2);",
                "x * 2;"));
    }

    @Test
    void aLoopFiresItsLinesAtEachIteration() {
        assertEquals(List.of(
                "START <script>@0",
                "LINE <script> 8",
                "START sum@0",
                "LINE sum 1", "LINE sum 2",
                "LINE sum 3", "LINE sum 4",
                "LINE sum 3", "LINE sum 4",
                "LINE sum 3", "LINE sum 4",
                "LINE sum 3",
                "LINE sum 6",
                "RETURN sum@6 3",
                "RETURN <script>@2 3"), run(
                "function sum(n) {",
                "  var t = 0;",
                "  for (var i = 0; i < n; i++) {",
                "    t += i;",
                "  }",
                "  return t;",
                "}",
                "sum(3);"));
    }

    @Test
    void eachClosureCallIsItsAnonymousUnit() {
        assertEquals(List.of(
                "START <script>@0",
                "LINE <script> 8",
                "START counter@0", "LINE counter 1", "LINE counter 2", "LINE counter 3",
                "RETURN counter@4 function () {\n    c++;\n    return c;\n  }",
                "LINE <script> 9",
                "START <anonymous>@0", "LINE <anonymous> 3", "LINE <anonymous> 4", "LINE <anonymous> 5",
                "RETURN <anonymous>@4 1",
                "LINE <script> 10",
                "START <anonymous>@0", "LINE <anonymous> 3", "LINE <anonymous> 4", "LINE <anonymous> 5",
                "RETURN <anonymous>@4 2",
                "RETURN <script>@4 2"), run(
                "function counter() {",
                "  var c = 0;",
                "  return function () {",
                "    c++;",
                "    return c;",
                "  };",
                "}",
                "var next = counter();",
                "next();",
                "next();"));
    }

    @Test
    void anExceptionRaisesWhereThrownUnwindsEachFrameAndIsHandledWhereCaught() {
        assertEquals(List.of(
                "START <script>@0",
                "LINE <script> 7",
                "LINE <script> 8",
                "START mid@0", "LINE mid 4", "LINE mid 5",
                "START fail@0", "LINE fail 1", "LINE fail 2",
                "RAISE fail@2 boom",
                "UNWIND fail@3 boom",
                "UNWIND mid@3 boom",
                "HANDLED <script>@3 boom",
                "LINE <script> 9",
                "LINE <script> 10",
                "RETURN <script>@5 caught boom"), run(
                "function fail(m) {",
                "  throw m;",
                "}",
                "function mid() {",
                "  fail('boom');",
                "}",
                "try {",
                "  mid();",
                "} catch (e) {",
                "  'caught ' + e;",
                "}"));
    }

    @Test
    void aFinallyHandlesAndReraises() {
        assertEquals(List.of(
                "START <script>@0",
                "LINE <script> 8",
                "LINE <script> 9",
                "START f@0", "LINE f 1", "LINE f 2", "LINE f 3",
                "RAISE f@3 x",
                "HANDLED f@4 x",
                "LINE f 4", "LINE f 5",
                "RERAISE f@5 x",
                "UNWIND f@6 x",
                "HANDLED <script>@3 x",
                "LINE <script> 10",
                "LINE <script> 11",
                "RETURN <script>@5 x"), run(
                "function f() {",
                "  try {",
                "    throw 'x';",
                "  } finally {",
                "    var y = 1;",
                "  }",
                "}",
                "try {",
                "  f();",
                "} catch (e) {",
                "  e;",
                "}"));
    }

    @Test
    void anExceptionThroughJavaCodeRaisesOnceAndUnwindsTheScript() {
        assertEquals(List.of(
                "START <script>@0",
                "LINE <script> 1",
                "START <anonymous>@0", "LINE <anonymous> 1", "LINE <anonymous> 2",
                "RETURN <anonymous>@3 undefined",
                "START <anonymous>@0", "LINE <anonymous> 1", "LINE <anonymous> 2",
                "RAISE <anonymous>@2 two",
                "UNWIND <anonymous>@3 two",
                "UNWIND <script>@2 two"), runFailing(
                "[1, 2].forEach(function (v) {",
                "  if (v == 2) throw 'two';",
                "});"));
    }

    private List<String> runFailing(String... lines) {
        assertThrows(RuntimeException.class, () -> Js.run(String.join("\n", lines) + "\n", source));
        return log.take();
    }

    @Test
    void recursionNestsFramesOfOneUnit() {
        assertEquals(List.of(
                "START <script>@0",
                "LINE <script> 5",
                "START fact@0", "LINE fact 1", "LINE fact 2", "LINE fact 3",
                "START fact@0", "LINE fact 1", "LINE fact 2", "LINE fact 3",
                "START fact@0", "LINE fact 1", "LINE fact 2",
                "RETURN fact@4 1",
                "RETURN fact@4 2",
                "RETURN fact@4 6",
                "RETURN <script>@2 6"), run(
                "function fact(n) {",
                "  if (n <= 1) return 1;",
                "  return n * fact(n - 1);",
                "}",
                "fact(3);"));
    }

    /**
     * Rhino enters a generator's frame when it is made (and returns the generator), and enters it again at each
     * {@code next()}: METHOD_RESUME. It has no hook where the generator suspends, so no METHOD_YIELD fires; its
     * last exit reports the frame's last value.
     */
    @Test
    void aGeneratorResumesAtEachNextWithoutYieldEvents() {
        assertEquals(List.of(
                "START <script>@0",
                "LINE <script> 5",
                "START gen@0",
                "RETURN gen@4 [object Generator]",
                "LINE <script> 6",
                "RESUME gen@0", "LINE gen 1", "LINE gen 2",
                "LINE <script> 7",
                "RESUME gen@0", "LINE gen 3",
                "LINE <script> 8",
                "RESUME gen@0",
                "RETURN gen@4 2",
                "RETURN <script>@5 [object Object]"), run(
                "function* gen() {",
                "  yield 1;",
                "  yield 2;",
                "}",
                "var g = gen();",
                "g.next();",
                "g.next();",
                "g.next();"));
    }

    @Test
    void unitsHaveTheSourceLinesAndOffsetsOfTheScript() {
        run("function add(a, b) {",
                "  return a + b;",
                "}",
                "",
                "add(1, 2);");
        List<CodeUnit> units = RhinoMonitoring.units(source);
        assertEquals(List.of("<script>", "add"), units.stream().map(CodeUnit::methodName).toList());
        CodeUnit script = units.get(0);
        CodeUnit add = units.get(1);
        assertEquals(List.of(source), add.sourceFiles());
        assertEquals("(a, b)", add.descriptor());
        assertEquals("", script.descriptor());
        assertEquals(4, add.length());
        assertEquals(List.of(new LineRange(1, 2, 1), new LineRange(2, 3, 2)), add.lines());
        assertEquals(List.of(new Position(1, 2, 1, 1, -1, -1, 0), new Position(2, 3, 2, 2, -1, -1, 0)),
                add.positions());
        assertEquals(2, add.offsetOf(0, 2, -1));
        assertEquals(-1, add.offsetOf(0, 5, -1));
        assertEquals(1, script.offsetOf(0, 5, 0));
        assertEquals(5, script.firstLine());
    }
}

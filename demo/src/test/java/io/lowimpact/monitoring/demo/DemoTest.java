package io.lowimpact.monitoring.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void demoPrintsWhatEachToolSaw() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String expected = String.join(System.lineSeparator(),
                "test 1: abs(-3), abs(4) x 1000",
                "  abs(-3) = 3",
                "  coverage: abs.script.abs lines [1, 2, 3, 4] missed []; arcs [10->20, 10->30] missed []",
                "  coverage: sum.script.sumTo lines [] missed [1, 2, 3, 4, 5]; arcs [] missed [20->30, 20->40]",
                "  coverage callbacks run: 6 (each location once, then DISABLEd)",
                "  profiler: METHOD_START counts {abs.script.abs=1001}",
                "test 2 (after coverage.restartEvents()): sumTo(5)",
                "  sumTo(5) = 15",
                "  coverage: abs.script.abs lines [] missed [1, 2, 3, 4]; arcs [] missed [10->20, 10->30]",
                "  coverage: sum.script.sumTo lines [1, 2, 3, 4, 5] missed []; arcs [20->30, 20->40] missed []",
                "  coverage callbacks run: 7 (each location once, then DISABLEd)",
                "  profiler: METHOD_START counts {abs.script.abs=1001, sum.script.sumTo=1}",
                "");
        assertEquals(expected, bytes.toString(StandardCharsets.UTF_8));
    }
}

package io.lowimpact.monitoring.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the older demo ({@link Demo}, the second part of README's main job) under the agent alone, in its own JVM. */
class DemoIT {

    @Test
    void demoUnderTheAgentPrintsWhatEachToolSaw() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xshare:off",
                "-javaagent:" + System.getProperty("lowimpact.agent.jar"),
                "-cp", System.getProperty("lowimpact.demo.classes"), Demo.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        List<String> lines = output.lines().toList();
        int start = lines.indexOf("== bytecode events: the Inventory class ==");
        assertEquals(List.of(
                "== bytecode events: the Inventory class ==",
                "  malformed lines: 1, reorder below 5: [apples, figs], pears: plenty",
                "  level(Ljava/lang/String;)Ljava/lang/String;: lines [62, 63, 69] missed [65, 67];"
                        + " arcs missed [22->48, 22->51, 57->60]",
                "  load(Ljava/util/List;)I: lines [20, 21, 22, 23, 25, 26, 27, 28, 30, 31, 32] missed [];"
                        + " arcs missed [34->9]",
                "  parseCount(Ljava/lang/String;)I: lines [37, 38, 39] missed []; arcs missed []",
                "  reorder(I)Ljava/util/List;: lines [48, 49, 50, 51, 53, 54] missed []; arcs missed []",
                "  calls made by Inventory: {example.inventory.Inventory.parseCount=3, java.lang.Integer.intValue=4,"
                        + " java.lang.Integer.parseInt=3, java.lang.Integer.valueOf=4, java.lang.Object.<init>=1,"
                        + " java.lang.String.indexOf=4, java.lang.String.isBlank=5, java.lang.String.startsWith=5,"
                        + " java.lang.String.substring=6, java.lang.String.trim=3, java.util.ArrayList.<init>=1,"
                        + " java.util.Iterator.hasNext=10, java.util.Iterator.next=8, java.util.LinkedHashMap.<init>=1,"
                        + " java.util.List.add=2, java.util.List.iterator=1, java.util.Map$Entry.getKey=2,"
                        + " java.util.Map$Entry.getValue=3, java.util.Map.entrySet=1, java.util.Map.getOrDefault=1,"
                        + " java.util.Map.put=3, java.util.Set.iterator=1}"),
                start < 0 ? lines : lines.subList(start, lines.size()), output);
        assertEquals(0, process.exitValue(), output);
    }
}

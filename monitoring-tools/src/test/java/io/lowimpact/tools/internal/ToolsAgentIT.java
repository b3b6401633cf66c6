package io.lowimpact.tools.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools agent after the monitoring agent, in a child JVM running {@code com.acme.Shop}: no code change, and
 * the profile's three files written at exit.
 */
class ToolsAgentIT {

    private static final String AGENT = System.getProperty("lowimpact.agent.jar");
    private static final String TOOLS = System.getProperty("lowimpact.tools.agent.jar");
    private static final String CLASSES = System.getProperty("lowimpact.test.classes");

    @TempDir
    Path dir;

    /** The child JVM's working directory, where its stdout and stderr are kept. */
    @TempDir
    Path work;

    @Test
    void profileOptionWritesTableStacksAndFlameGraphAtExit() throws Exception {
        ChildJvm.Result r = run("-javaagent:" + AGENT + "=include=com.acme.**",
                "-javaagent:" + TOOLS + "=profile=" + dir);
        assertEquals(0, r.exitCode, r::toString);
        assertEquals("total 299501\n", r.out);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().collect(Collectors.toList());
        }
        assertEquals(3, files.size(), files::toString);
        String base = files.get(0).getFileName().toString().replaceFirst("\\.[a-z]+$", "");
        assertEquals(List.of(base + ".collapsed", base + ".html", base + ".txt"),
                files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        assertTrue(base.matches("profile-\\d+"), base);

        Set<String> stacks = new TreeSet<>();
        for (String line : Files.readAllLines(files.get(0), StandardCharsets.UTF_8)) {
            stacks.add(line.substring(0, line.lastIndexOf(' ')));
        }
        // Every stack with self time is one of these (short runs may leave one with 0 ns out).
        Set<String> known = new TreeSet<>(List.of(
                "[main];com.acme.Shop.main",
                "[main];com.acme.Shop.main;com.acme.Shop.price",
                "[main];com.acme.Shop.main;com.acme.Shop.price;com.acme.Shop.tax",
                "[main];com.acme.Shop.main;com.acme.Shop.price;java.lang.Math.abs",
                "[main];com.acme.Shop.main;com.acme.Shop.refund",
                "[main];com.acme.Shop.main;com.acme.Shop.refund;com.acme.Shop.check",
                "[main];com.acme.Shop.main;com.acme.Shop.refund;com.acme.Shop.check;"
                        + "java.lang.invoke.StringConcatFactory.makeConcatWithConstants",
                "[main];com.acme.Shop.main;com.acme.Shop.refund;com.acme.Shop.check;"
                        + "java.lang.IllegalArgumentException.<init>",
                "[main];com.acme.Shop.main;java.lang.invoke.LambdaMetafactory.run",
                "[main];com.acme.Shop.main;java.lang.Thread.<init>",
                "[main];com.acme.Shop.main;java.lang.Thread.start",
                "[main];com.acme.Shop.main;java.lang.Thread.join",
                "[main];com.acme.Shop.main;java.lang.invoke.StringConcatFactory.makeConcatWithConstants",
                "[main];com.acme.Shop.main;java.io.PrintStream.println",
                "[auditor];com.acme.Shop.audit",
                "[auditor];com.acme.Shop.audit;com.acme.Shop.tax"));
        Set<String> unknown = new TreeSet<>(stacks);
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown);
        assertTrue(stacks.contains("[main];com.acme.Shop.main;com.acme.Shop.price"), stacks::toString);

        String table = Files.readString(files.get(2), StandardCharsets.UTF_8);
        assertTrue(table.contains("        1000  com.acme.Shop.price(I)J\n"), table);
        assertTrue(table.contains("        1003  com.acme.Shop.tax(I)J\n"), table);
        assertTrue(table.contains("        1000  java.lang.Math.abs(I)I (external)\n"), table);
        assertTrue(table.contains("           1  com.acme.Shop.check(I)V\n"), table);
        assertTrue(table.contains("thread [auditor]"), table);
        String html = Files.readString(files.get(1), StandardCharsets.UTF_8);
        assertTrue(html.contains("com.acme.Shop.price"), "the page embeds the stacks");
    }

    @Test
    void profilePathsLimitsTheCallPathsKept() throws Exception {
        ChildJvm.Result r = run("-javaagent:" + AGENT + "=include=com.acme.**",
                "-javaagent:" + TOOLS + "=profile=" + dir + ",profilepaths=1");
        assertEquals(0, r.exitCode, r::toString);
        assertEquals("total 299501\n", r.out, "the program runs as without the profiler");
        Path collapsed;
        Path table;
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.sorted().collect(Collectors.toList());
            collapsed = files.get(0);
            table = files.get(2);
        }
        // the first path made, main's own frame, is the only one kept: everything it calls is its self time
        for (String line : Files.readAllLines(collapsed, StandardCharsets.UTF_8)) {
            assertEquals("[main];com.acme.Shop.main", line.substring(0, line.lastIndexOf(' ')));
        }
        String report = Files.readString(table, StandardCharsets.UTF_8);
        assertTrue(report.matches("(?s).*call paths past the profiler's limit \\(maxCallPaths\\): [1-9][0-9]* calls not"
                + " in the figures below.*"), report);
    }

    @Test
    void withoutTheMonitoringAgentTheJvmDoesNotStart() throws Exception {
        ChildJvm.Result r = run("-javaagent:" + TOOLS + "=profile=" + dir);
        assertTrue(r.exitCode != 0, r::toString);
        assertTrue(r.err.contains("the tools agent needs the monitoring agent before it on the command line:"
                + " -javaagent:monitoring-agent.jar[=options] -javaagent:lowimpact-tools-agent.jar=..."), r::toString);
    }

    @Test
    void unknownOptionTheJvmDoesNotStart() throws Exception {
        ChildJvm.Result r = run("-javaagent:" + AGENT, "-javaagent:" + TOOLS + "=profiel=" + dir);
        assertTrue(r.exitCode != 0, r::toString);
        assertTrue(r.err.contains("unknown tools agent option 'profiel' (known: profileclock, profilepaths, profile, trace)"), r::toString);
    }

    private ChildJvm.Result run(String... agents) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-Xshare:off"));
        args.addAll(List.of(agents));
        args.addAll(List.of("-cp", CLASSES, "com.acme.Shop"));
        return ChildJvm.run(ChildJvm.JAVA, 600, work, args.toArray(new String[0]));
    }
}

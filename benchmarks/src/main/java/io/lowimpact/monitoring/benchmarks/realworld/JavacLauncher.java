package io.lowimpact.monitoring.benchmarks.realworld;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The child JVM of one run of the real-workload benchmark: installs a tool (or none), runs javac in this JVM
 * ({@code javax.tools}, the same {@code com.sun.tools.javac.Main.compile} that {@code javac} runs), then writes
 * what it measured to a result file.
 *
 * <p>Arguments: {@code TOOL RESULT_FILE COVERAGE_FILE|- JAVAC_ARGS...}; {@code TOOL} is {@code none} or
 * {@code agent} (no Lowimpact class is loaded by this class: the no-agent, JaCoCo and agent-only runs) or a name
 * of {@link Tools#install}. The result file
 * gets {@code key=value} lines: {@code rc} (javac's exit code), {@code installNanos}, {@code compileNanos},
 * {@code cpuNanos} (process CPU time, all threads, when javac returned), {@code cpu.main}, {@code cpu.jit},
 * {@code cpu.gc}, {@code cpu.other} (the same split by thread, {@link ThreadCpu}), {@code heapUsed} (bytes of heap
 * in use after two {@code System.gc()} calls once javac returned, the tool still installed: what the runtime and
 * the tool retain), and the tool's own counts ({@code tool.*}).
 */
public final class JavacLauncher {

    private JavacLauncher() {
    }

    /**
     * @param args {@code TOOL RESULT_FILE COVERAGE_FILE|- JAVAC_ARGS...}
     * @throws IOException if the result file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: JavacLauncher TOOL RESULT_FILE COVERAGE_FILE|- JAVAC_ARGS...");
        }
        String toolName = args[0];
        Path result = Path.of(args[1]);
        Path coverage = args[2].equals("-") ? null : Path.of(args[2]);
        String[] javacArgs = Arrays.copyOfRange(args, 3, args.length);

        long t0 = System.nanoTime();
        Tools.Installed tool = toolName.equals("none") || toolName.equals("agent") ? null : Tools.install(toolName);
        long t1 = System.nanoTime();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, javacArgs);
        long t2 = System.nanoTime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Map<String, Long> cpuByKind = ThreadCpu.byKind();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        long heapUsed = memory.getHeapMemoryUsage().getUsed();

        Map<String, String> out = new LinkedHashMap<>();
        out.put("rc", Integer.toString(rc));
        out.put("installNanos", Long.toString(t1 - t0));
        out.put("compileNanos", Long.toString(t2 - t1));
        out.put("cpuNanos", Long.toString(cpu));
        out.put("heapUsed", Long.toString(heapUsed));
        cpuByKind.forEach((kind, nanos) -> out.put("cpu." + kind, Long.toString(nanos)));
        if (tool != null) {
            tool.report(out, coverage);
        }
        Files.writeString(result, out.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        System.exit(rc);
    }
}

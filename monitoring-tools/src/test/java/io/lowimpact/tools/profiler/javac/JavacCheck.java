package io.lowimpact.tools.profiler.javac;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.tools.profiler.MethodStats;
import io.lowimpact.tools.profiler.Profile;
import io.lowimpact.tools.profiler.Profiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * javac under the profiler and, on tool id 3, an independent tool that counts {@code METHOD_START} per unit; then
 * the two are compared, method by method. Run under the monitoring agent with
 * {@code include=com.sun.tools.javac.**}:
 * {@code java -javaagent:monitoring-agent.jar=include=com.sun.tools.javac.** -cp ... JavacCheck <outDir> <srcDir> [maxFiles]}.
 * Prints {@code units N, starts N, mismatches N}, and writes the profile to {@code outDir/javac.*}.
 */
public final class JavacCheck {

    private JavacCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<String> sources;
        try (Stream<Path> s = Files.walk(Path.of(args[1]))) {
            sources = s.map(Path::toString).filter(p -> p.endsWith(".java") && !p.endsWith("module-info.java"))
                    .sorted().limit(args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE)
                    .collect(Collectors.toList());
        }
        Map<CodeUnit, AtomicLong> starts = new ConcurrentHashMap<>();
        Tool counter = Monitoring.useToolId(3, "start-counter");
        counter.registerCallback(Event.METHOD_START, (code, offset) -> {
            starts.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
            return Action.CONTINUE;
        });
        counter.setEvents(EventSet.of(Event.METHOD_START));
        Profiler profiler = Profiler.start();

        List<String> javacArgs = new ArrayList<>(List.of("-d", out.resolve("classes").toString(), "-proc:none"));
        javacArgs.addAll(sources);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, javacArgs.toArray(new String[0]));

        profiler.stop();
        counter.close();
        Profile profile = profiler.snapshot();
        Map<String, Long> profiled = new HashMap<>();
        for (MethodStats m : profile.methods()) {
            if (!m.external()) {
                profiled.put(m.label(), m.count());
            }
        }
        Map<String, Long> counted = new HashMap<>();
        starts.forEach((code, n) -> counted.merge(code.className() + "." + code.methodName() + code.descriptor(),
                n.get(), Long::sum));
        int mismatches = 0;
        for (Map.Entry<String, Long> e : counted.entrySet()) {
            Long p = profiled.get(e.getKey());
            if (!e.getValue().equals(p)) {
                if (mismatches++ < 10) {
                    System.out.println("mismatch " + e.getKey() + ": counter " + e.getValue() + ", profiler " + p);
                }
            }
        }
        mismatches += (int) profiled.keySet().stream().filter(k -> !counted.containsKey(k)).count();
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("javac " + rc + ", files " + sources.size() + ", units " + counted.size() + ", starts "
                + total + ", mismatches " + mismatches);
        System.out.println("call paths " + profile.threads().stream().mapToInt(t -> t.callPaths()).sum());
        System.out.flush();
        profile.write(out, "javac");
    }
}

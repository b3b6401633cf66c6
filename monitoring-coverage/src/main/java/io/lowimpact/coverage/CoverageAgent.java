package io.lowimpact.coverage;

import io.lowimpact.coverage.internal.runtime.AgentOptions;
import io.lowimpact.coverage.internal.runtime.ClassFiles;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The coverage agent: records coverage of an unchanged program and writes the data file at JVM exit. It must come
 * after the monitoring agent, which provides the bytecode events:
 * <pre>
 * java -javaagent:monitoring-agent.jar=include=com.acme.** \
 *      -javaagent:lowimpact-coverage-agent.jar=out=target/lowimpact.cov,contexts=true \
 *      ...
 * </pre>
 * Options ({@code key=value}, separated by commas): {@code out} the data file (default {@code lowimpact.cov}),
 * merged into if it exists; {@code contexts} per-test contexts through the JUnit Platform listener (default
 * false); {@code counts} hit counts instead of DISABLE after the first hit (default false). An unknown option or a
 * bad value stops the JVM with an {@link IllegalArgumentException} naming it.
 *
 * <p>The agent also records the CRC-32 of each class file as the JVM loads it, for the report's check that class
 * files did not change since recording.
 */
public final class CoverageAgent {

    private CoverageAgent() {
    }

    /**
     * Entry point for {@code -javaagent:lowimpact-coverage-agent.jar[=options]}.
     *
     * @param options the options, null or empty for the defaults
     * @param instrumentation the JVM's instrumentation
     * @throws IllegalArgumentException on an unknown option or a bad value
     * @throws IllegalStateException if the monitoring agent did not start before this one
     */
    public static void premain(String options, Instrumentation instrumentation) {
        AgentOptions parsed = AgentOptions.parse(options);
        requireMonitoringAgent();
        ClassFiles classFiles = new ClassFiles();
        instrumentation.addTransformer(new CrcRecorder(classFiles), false);
        Coverage coverage = Coverage.start(new CoverageOptions(parsed.counts(), parsed.contexts()), classFiles);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                coverage.dump(parsed.out());
            } catch (IOException | RuntimeException e) {
                System.err.println("lowimpact coverage: cannot write " + parsed.out() + ": " + e.getMessage());
            }
        }, "lowimpact-coverage-dump"));
    }

    private static void requireMonitoringAgent() {
        try {
            Class.forName("io.lowimpact.monitoring.Monitoring", false, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the coverage agent needs the monitoring agent before it on the command"
                    + " line: -javaagent:monitoring-agent.jar[=options] -javaagent:lowimpact-coverage-agent.jar[=options]");
        }
    }

    /** Notes each class file's CRC as the JVM loads it; never changes a byte. */
    private static final class CrcRecorder implements ClassFileTransformer {

        private final ClassFiles classFiles;

        CrcRecorder(ClassFiles classFiles) {
            this.classFiles = classFiles;
        }

        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                ProtectionDomain protectionDomain, byte[] classfileBuffer) {
            try {
                if (className != null && classBeingRedefined == null) {
                    classFiles.loaded(className, classfileBuffer);
                }
            } catch (Throwable t) {
                // The JVM would swallow it; a class without a CRC is only reported as unverified.
            }
            return null;
        }
    }
}

package io.lowimpact.monitoring.benchmarks.realworld;

import io.lowimpact.coverage.Coverage;
import io.lowimpact.coverage.CoverageData;
import io.lowimpact.coverage.CoverageOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-test coverage as users run it: {@code monitoring-coverage}'s recorder ({@link Coverage}, line and branch
 * coverage with contexts), switched to a new context every 10 ms from a daemon thread, as a test runner switches at
 * every test; each switch delivers what ran in the context that ends and restarts the tool's events. Kept out of
 * {@link Tools} so that the other modes never load the coverage tool's classes, which only this mode has on its
 * class path ({@link Mode#toolClasses}).
 */
final class CoverageContexts implements Tools.Installed {

    private final Coverage coverage = Coverage.start(CoverageOptions.defaults().withContexts(true));
    private final AtomicLong contexts = new AtomicLong();
    private final Ticker switching = Ticker.start("rw-contexts",
            () -> coverage.switchContext("context-" + contexts.getAndIncrement()));

    @Override
    public void report(Map<String, String> summary, Path coverageFile) {
        switching.stop();
        CoverageData data = coverage.snapshot();
        summary.put("tool.classes", Integer.toString(data.classNames().size()));
        summary.put("tool.contexts", Integer.toString(data.contexts().size()));
        summary.put("tool.restarts", Long.toString(switching.runs()));
        summary.put("tool.restartNanos", Long.toString(switching.nanos()));
    }
}

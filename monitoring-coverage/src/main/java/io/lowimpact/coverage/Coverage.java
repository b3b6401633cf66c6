package io.lowimpact.coverage;

import io.lowimpact.coverage.internal.data.DataFiles;
import io.lowimpact.coverage.internal.runtime.ClassFiles;
import io.lowimpact.coverage.internal.runtime.Recorder;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Line and branch coverage recorded through Lowimpact's public monitoring API, on tool id
 * {@link Monitoring#COVERAGE_ID}. {@code LINE}, {@code BRANCH_LEFT} and {@code BRANCH_RIGHT} callbacks count a hit
 * and return {@code DISABLE}, so that code costs nothing once covered (unless {@link CoverageOptions#counts()}).
 *
 * <pre>{@code
 * Coverage coverage = Coverage.start(CoverageOptions.defaults().withContexts(true));
 * coverage.switchContext("OrderTest#refund()");   // restarts the coverage tool's events, and no other tool's
 * ... run the test ...
 * coverage.dump(Path.of("target/lowimpact.cov"));  // merged into the file under a lock, written aside and renamed
 * coverage.stop();
 * }</pre>
 *
 * <p>Bytecode events need the monitoring agent; the coverage agent ({@link CoverageAgent}) starts this from the
 * command line. At most one coverage recording runs per JVM ({@link #running()}). Thread-safe.
 */
public final class Coverage {

    private static volatile Coverage running;

    private final Tool tool;
    private final Recorder recorder;
    private final CoverageOptions options;

    private Coverage(Tool tool, Recorder recorder, CoverageOptions options) {
        this.tool = tool;
        this.recorder = recorder;
        this.options = options;
    }

    /**
     * Starts recording with the given options; class files are found as resources when the data is written.
     *
     * @param options how to record
     * @return the running recording
     * @throws IllegalStateException if a recording runs already, or tool id 1 is in use
     */
    public static Coverage start(CoverageOptions options) {
        return start(options, new ClassFiles());
    }

    static synchronized Coverage start(CoverageOptions options, ClassFiles classFiles) {
        Objects.requireNonNull(options, "options must not be null");
        if (running != null) {
            throw new IllegalStateException("coverage is already being recorded in this JVM");
        }
        Tool tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "lowimpact-coverage");
        Recorder recorder = new Recorder(tool, options.counts(), classFiles);
        recorder.start();
        Coverage coverage = new Coverage(tool, recorder, options);
        running = coverage;
        return coverage;
    }

    /** @return the recording running in this JVM, if any */
    public static Optional<Coverage> running() {
        return Optional.ofNullable(running);
    }

    /** @return the options this recording was started with */
    public CoverageOptions options() {
        return options;
    }

    /**
     * Makes {@code name} the current context: lines reached from now on are recorded as reached by it. A context
     * not current yet restarts the coverage tool's DISABLEd locations ({@code restartEvents} for this tool alone),
     * so that every line is seen again in it. Null ends the current context without a restart.
     *
     * @param name the context, such as a test's name, or null
     */
    public void switchContext(String name) {
        if (name == null || !name.equals(recorder.currentContext())) {
            recorder.switchContext(name);
        }
    }

    /** @return the current context, or null */
    public String currentContext() {
        return recorder.currentContext();
    }

    /**
     * Everything recorded so far, in memory.
     *
     * @return a new data set
     */
    public CoverageData snapshot() {
        return new CoverageData(recorder.snapshot(false));
    }

    /**
     * Adds what was recorded since the last dump to a data file: under a lock on {@code <file>.lock}, the file is
     * read (if it exists), merged with the new data, written beside it and renamed over it. Several JVMs may dump
     * to one file; nothing is lost.
     *
     * @param file the data file
     * @throws CoverageFileException if the existing file is not a readable data file (it is left unchanged)
     * @throws IOException if the file cannot be written
     */
    public void dump(Path file) throws IOException {
        synchronized (recorder) {
            DataFiles.append(file, recorder.snapshot(true));
        }
    }

    /** Stops recording and frees tool id 1. What was recorded stays readable through {@link #snapshot()}. */
    public void stop() {
        synchronized (Coverage.class) {
            recorder.stop();
            tool.close();
            if (running == this) {
                running = null;
            }
        }
    }
}

package io.lowimpact.monitoring.benchmarks.realworld;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The variants of the real-workload benchmark, each run in a fresh JVM: what agent the JVM starts with and which
 * tool {@link JavacLauncher} installs before javac starts.
 */
enum Mode {
    /** (a) No agent: the baseline every ratio is taken against. */
    NONE('a', "no agent", Agent.NONE, "none"),
    /** (b) JaCoCo's agent, instrumenting javac's classes. */
    JACOCO('b', "JaCoCo agent", Agent.JACOCO, "none"),
    /** (c) Our agent, no tool: what being loaded costs. */
    AGENT('c', "our agent, no tool", Agent.OURS, "agent"),
    /** (d) LINE coverage, DISABLE after the first hit. */
    LINE('d', "line coverage (DISABLE)", Agent.OURS, "line"),
    /** (e) LINE + BRANCH_LEFT + BRANCH_RIGHT coverage, each DISABLE after the first hit (P9). */
    LINE_BRANCH('e', "line+branch coverage (DISABLE)", Agent.OURS, "linebranch"),
    /** (f) LINE counting, never DISABLE (P10). */
    LINE_COUNT('f', "LINE counting (no DISABLE)", Agent.OURS, "linecount"),
    /** (g) METHOD_START + METHOD_RETURN counting (P10). */
    CALLS('g', "METHOD_START+RETURN counting", Agent.OURS, "calls"),
    /** (h) As (e), with {@code restartEvents()} every 10 ms from a daemon thread (per-test contexts). */
    RESTART('h', "line+branch, restartEvents every 10 ms", Agent.OURS, "restart"),
    /** (i) The profiler's six events ({@code Profiler.EVENTS}), each counted per code unit and never disabled. */
    PROFILER_EVENTS('i', "profiler's events, counting", Agent.OURS, "profevents"),
    /** (j) The profiler ({@code Profiler.start()}, monitoring-tools), snapshot taken once javac is done. */
    PROFILER('j', "profiler", Agent.OURS, "profiler"),
    /** (k) No agent, JFR's default recording ({@code -XX:StartFlightRecording}): a sampling profiler, for reference. */
    JFR('k', "JFR default recording, no agent", Agent.JFR, "none"),
    /** (l) As (e), with the agent's own rewriting code left open to C2 ({@code rewriter=c2}): what the default saves. */
    LINE_BRANCH_C2('l', "line+branch coverage, rewriter=c2", Agent.OURS, "linebranch", ",rewriter=c2"),
    /** (m) As (e), the tool deferring its three events ({@code setDeferredEvents}): its probes are stores. */
    LINE_BRANCH_DEFERRED('m', "line+branch coverage, deferred", Agent.OURS, "linebranch-deferred"),
    /** (n) As (m), with {@code restartEvents()} every 10 ms, as (h): each restart delivers what ran before it. */
    RESTART_DEFERRED('n', "line+branch deferred, restartEvents every 10 ms", Agent.OURS, "restart-deferred"),
    /** (o) As (f), the tool counting LINE ({@code setCountedEvents}): its probes are increments, read at the flush. */
    LINE_COUNTED('o', "LINE counting, counted events", Agent.OURS, "linecount-counted"),
    /** (p) As (g), the tool counting its two events ({@code setCountedEvents}): its probes are increments. */
    CALLS_COUNTED('p', "METHOD_START+RETURN, counted events", Agent.OURS, "calls-counted"),
    /**
     * (q) {@code monitoring-coverage}'s recorder with contexts, switched to a new context every 10 ms (per-test
     * coverage as users run it; each switch flushes and restarts, as (n)).
     */
    COVERAGE_CONTEXTS('q', "monitoring-coverage, new context every 10 ms", Agent.OURS, "coverage-contexts"),
    /** (r) As (d), the tool deferring LINE ({@code setDeferredEvents}): line coverage as (m) does line+branch. */
    LINE_DEFERRED('r', "line coverage, deferred", Agent.OURS, "line-deferred");

    /** Which java agent (or JFR's recorder) a mode's JVM starts with. */
    enum Agent { NONE, JACOCO, OURS, JFR }

    /** Our agent's options: javac's classes are in {@code com.sun.**}, excluded by default unless included by name. */
    static final String OUR_OPTIONS = "include=com.sun.tools.javac.**";

    /** JaCoCo's options besides {@code destfile}: the same classes as ours. */
    static final String JACOCO_OPTIONS = "includes=com.sun.tools.javac.*,output=file,dumponexit=true";

    final char letter;
    final String label;
    final Agent agent;
    final String tool;
    /** Appended to {@link #OUR_OPTIONS} for this mode: empty, or a comma and more options. */
    final String extraOptions;

    Mode(char letter, String label, Agent agent, String tool) {
        this(letter, label, agent, tool, "");
    }

    Mode(char letter, String label, Agent agent, String tool, String extraOptions) {
        this.letter = letter;
        this.label = label;
        this.agent = agent;
        this.tool = tool;
        this.extraOptions = extraOptions;
    }

    /**
     * @param letters mode letters, for example {@code abcdefgh}
     * @return the modes, in the order given
     */
    static List<Mode> parse(String letters) {
        return parseLetters(letters, values(), m -> m.letter);
    }

    /**
     * @param letter a mode letter
     * @return its mode, or null
     */
    static Mode of(char letter) {
        return ofLetter(letter, values(), m -> m.letter);
    }

    /**
     * Mode letters read in order, for each harness's enum of modes.
     *
     * @param <M> the enum
     * @param letters the letters, for example {@code abcd}
     * @param values the enum's constants, the first being the no-agent baseline
     * @param letterOf a constant's letter
     * @return the constants, in the order given
     * @throws IllegalArgumentException for an unknown or repeated letter, or when the baseline is not first
     */
    static <M> List<M> parseLetters(String letters, M[] values, Function<M, Character> letterOf) {
        List<M> modes = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            M found = ofLetter(c, values, letterOf);
            if (found == null || modes.contains(found)) {
                throw new IllegalArgumentException("bad or repeated mode letter '" + c + "' in " + letters);
            }
            modes.add(found);
        }
        if (modes.isEmpty() || modes.get(0) != values[0]) {
            throw new IllegalArgumentException("the modes must start with '" + letterOf.apply(values[0])
                    + "' (no agent, the baseline): " + letters);
        }
        return modes;
    }

    /**
     * @param <M> the enum
     * @param letter a mode letter
     * @param values the enum's constants
     * @param letterOf a constant's letter
     * @return the constant with that letter, or null
     */
    static <M> M ofLetter(char letter, M[] values, Function<M, Character> letterOf) {
        for (M m : values) {
            if (letterOf.apply(m) == letter) {
                return m;
            }
        }
        return null;
    }

    /**
     * @param ourAgent {@code monitoring-agent.jar}
     * @param jacocoAgent JaCoCo's runtime agent jar
     * @param execFile where JaCoCo writes its execution data
     * @return the {@code -javaagent} option of this mode (for (k), JFR's, recording next to {@code execFile}), or
     *         null for none
     */
    String agentOption(Path ourAgent, Path jacocoAgent, Path execFile) {
        switch (agent) {
            case JACOCO:
                return "-javaagent:" + jacocoAgent + "=destfile=" + execFile + "," + JACOCO_OPTIONS;
            case JFR:
                return "-XX:StartFlightRecording=filename=" + execFile.resolveSibling("recording.jfr");
            case OURS:
                return "-javaagent:" + ourAgent + "=" + OUR_OPTIONS + extraOptions;
            default:
                return null;
        }
    }

    /**
     * @param ourAgent {@code monitoring-agent.jar}, in {@code monitoring-instrument/target}
     * @return the classes this mode's tool needs besides the launcher's (monitoring-tools' for the profiler
     *         modes, monitoring-coverage's for (q)), or null
     */
    Path toolClasses(Path ourAgent) {
        String module;
        if (this == PROFILER || this == PROFILER_EVENTS) {
            module = "monitoring-tools";
        } else if (this == COVERAGE_CONTEXTS) {
            module = "monitoring-coverage";
        } else {
            return null;
        }
        return ourAgent.toAbsolutePath().getParent().getParent().resolveSibling(module).resolve("target")
                .resolve("classes");
    }

    /** @return whether this mode writes covered lines (compared with JaCoCo's) */
    boolean writesCoverage() {
        return this == LINE || this == LINE_BRANCH || this == LINE_BRANCH_DEFERRED;
    }

    @Override
    public String toString() {
        return "(" + letter + ") " + label;
    }
}

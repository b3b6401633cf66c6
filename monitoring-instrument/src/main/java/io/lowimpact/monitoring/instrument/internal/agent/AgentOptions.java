package io.lowimpact.monitoring.instrument.internal.agent;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;

import java.lang.System.Logger.Level;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The agent's options, parsed from the string after {@code -javaagent:monitoring-agent.jar=} (or given to
 * {@code MonitoringAgent.install(String)}). Syntax: {@code key=value} pairs separated by commas; values never
 * contain commas. Keys:
 * <ul>
 * <li>{@code include=GLOB:GLOB...}: instrument only classes matching one of the globs (default: every class
 *     that is not excluded). Globs are separated by {@code :} or {@code ;}.</li>
 * <li>{@code exclude=GLOB:GLOB...}: never instrument classes matching one of the globs (added to the
 *     built-in exclusions).</li>
 * <li>{@code log=off|warn|info|debug}: what the agent logs through {@code System.Logger}
 *     {@value AgentLog#NAME} (default {@code warn}).</li>
 * <li>{@code probes=EVENT+EVENT...}: probe kinds to put into every included class at load time even while no
 *     tool needs them, so that tools enabling those events later see running frames react at once (S12). Event
 *     names as in {@link Event}, case-insensitive; {@code BRANCH} stands for both branch events.</li>
 * <li>{@code dump=DIR}: write each class the agent instruments, as loaded, to {@code DIR/<internal name>.class},
 *     and the bytes it was given beside it as {@code DIR/<internal name>.original.class} (see {@link ClassDump}).
 *     A relative path is resolved against the working directory.</li>
 * <li>{@code rewriter=c1|c2}: which of HotSpot's compilers may compile the rewrite's own code (the instrumenter and
 *     the ASM inside the agent jar). {@code c1} (the default) keeps it out of C2 from the first rewrite on, so that
 *     C2's threads are left to the application while classes load ({@link RewriterJit}); {@code c2} leaves it to
 *     the JVM like any code.</li>
 * </ul>
 * Glob syntax: see {@link ClassFilter}. Keys are case-sensitive; blanks around keys and values are ignored;
 * empty pairs ({@code a=b,,c=d}) are skipped.
 *
 * <p>Immutable.
 */
public final class AgentOptions {

    /** The keys this version knows, in the order the error message lists them. */
    static final List<String> KEYS = List.of("include", "exclude", "log", "probes", "dump", "rewriter");

    /** Events that only the injection API fires: no bytecode probe exists for them. */
    private static final EventSet INJECTION_ONLY = EventSet.of(Event.METHOD_RESUME, Event.METHOD_YIELD,
            Event.STOP_ITERATION, Event.METHOD_THROW);

    private static final AgentOptions DEFAULTS = new AgentOptions(List.of(), List.of(), Level.WARNING, EventSet.NONE,
            null, true);

    private final List<String> includes;
    private final List<String> excludes;
    private final Level logLevel;
    private final EventSet probes;
    private final Path dump;
    private final boolean rewriterC1Only;

    private AgentOptions(List<String> includes, List<String> excludes, Level logLevel, EventSet probes, Path dump,
            boolean rewriterC1Only) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.logLevel = logLevel;
        this.probes = probes;
        this.dump = dump;
        this.rewriterC1Only = rewriterC1Only;
    }

    /** @return the options used when none are given */
    public static AgentOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Parses an option string.
     *
     * @param text the options; null or blank for the defaults
     * @return the options
     * @throws IllegalArgumentException naming the option, if a key is unknown or repeated, or a value is missing
     *         or invalid
     */
    public static AgentOptions parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULTS;
        }
        List<String> includes = DEFAULTS.includes;
        List<String> excludes = DEFAULTS.excludes;
        Level logLevel = DEFAULTS.logLevel;
        EventSet probes = DEFAULTS.probes;
        Path dump = DEFAULTS.dump;
        boolean rewriterC1Only = DEFAULTS.rewriterC1Only;
        Set<String> seen = new LinkedHashSet<>();
        for (String pair : text.split(",", -1)) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).strip();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown agent option '" + key + "' (known: "
                        + String.join(", ", KEYS) + ")");
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException("agent option '" + key + "' is given twice");
            }
            String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("agent option '" + key + "' needs a value (" + key + "=...)");
            }
            switch (key) {
                case "include":
                    includes = globs(key, value);
                    break;
                case "exclude":
                    excludes = globs(key, value);
                    break;
                case "log":
                    logLevel = logLevel(value);
                    break;
                case "probes":
                    probes = probes(value);
                    break;
                case "rewriter":
                    rewriterC1Only = rewriterC1Only(value);
                    break;
                default:
                    dump = dumpDirectory(value);
                    break;
            }
        }
        return new AgentOptions(includes, excludes, logLevel, probes, dump, rewriterC1Only);
    }

    private static List<String> globs(String key, String value) {
        List<String> globs = new ArrayList<>();
        for (String glob : value.split("[:;]", -1)) {
            String g = glob.strip();
            if (g.isEmpty()) {
                throw new IllegalArgumentException("agent option '" + key + "' has an empty glob in '" + value + "'");
            }
            Glob.check(key, g);
            globs.add(g);
        }
        return globs;
    }

    private static Level logLevel(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "off":
                return Level.OFF;
            case "warn":
                return Level.WARNING;
            case "info":
                return Level.INFO;
            case "debug":
                return Level.DEBUG;
            default:
                throw new IllegalArgumentException("invalid value '" + value + "' of agent option 'log'"
                        + " (must be off, warn, info or debug)");
        }
    }

    private static boolean rewriterC1Only(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "c1":
                return true;
            case "c2":
                return false;
            default:
                throw new IllegalArgumentException("invalid value '" + value + "' of agent option 'rewriter'"
                        + " (must be c1 or c2)");
        }
    }

    private static EventSet probes(String value) {
        EventSet set = EventSet.NONE;
        for (String name : value.split("\\+", -1)) {
            String n = name.strip().toUpperCase(Locale.ROOT);
            if (n.equals("BRANCH")) {
                set = set.union(EventSet.BRANCH);
                continue;
            }
            Event<?> event = eventNamed(n, value);
            if (INJECTION_ONLY.contains(event)) {
                throw new IllegalArgumentException("invalid event " + n + " in agent option 'probes'"
                        + " (no bytecode probe fires it; only the injection API does)");
            }
            set = set.union(EventSet.of(event));
        }
        return set;
    }

    private static Path dumpDirectory(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid value '" + value + "' of agent option 'dump'"
                    + " (must be a directory path: " + e.getReason() + ")", e);
        }
    }

    private static Event<?> eventNamed(String name, String value) {
        for (Event<?> e : Event.values()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("invalid event '" + name + "' in agent option 'probes=" + value
                + "' (events are joined with +, for example probes=LINE+BRANCH)");
    }

    /** @return the include globs, in the order given; empty means every class not excluded */
    public List<String> includes() {
        return includes;
    }

    /** @return the exclude globs, in the order given */
    public List<String> excludes() {
        return excludes;
    }

    /** @return the least severe level the agent logs; {@link Level#OFF} for nothing */
    public Level logLevel() {
        return logLevel;
    }

    /** @return the probe kinds to put into every included class at load time; empty by default */
    public EventSet probes() {
        return probes;
    }

    /** @return the directory that instrumented classes are written to, as given; null (the default) for none */
    public Path dump() {
        return dump;
    }

    /** @return whether the rewrite's own code is kept out of C2 ({@code rewriter=c1}, the default) */
    public boolean rewriterC1Only() {
        return rewriterC1Only;
    }

    /** @return the options in the syntax {@link #parse} reads; keys left at their default are omitted, except log */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        if (!includes.isEmpty()) {
            j.add("include=" + String.join(":", includes));
        }
        if (!excludes.isEmpty()) {
            j.add("exclude=" + String.join(":", excludes));
        }
        j.add("log=" + logName(logLevel));
        if (!probes.isEmpty()) {
            StringJoiner names = new StringJoiner("+", "probes=", "");
            for (Event<?> e : probes.events()) {
                names.add(e.name());
            }
            j.add(names.toString());
        }
        if (dump != null) {
            j.add("dump=" + dump);
        }
        if (!rewriterC1Only) {
            j.add("rewriter=c2");
        }
        return j.toString();
    }

    private static String logName(Level level) {
        switch (level) {
            case OFF:
                return "off";
            case WARNING:
                return "warn";
            case INFO:
                return "info";
            default:
                return "debug";
        }
    }
}

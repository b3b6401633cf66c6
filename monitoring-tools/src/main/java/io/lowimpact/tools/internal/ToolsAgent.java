package io.lowimpact.tools.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The tools agent, {@code -javaagent:lowimpact-tools-agent.jar=key=value,...}, given after the monitoring agent:
 * each key names a tool, whose starter gets the value, or a setting of a tool. Keys are registered in
 * {@link #STARTERS}, one line per tool or setting, and run in that order.
 *
 * <p>It uses only the public API. The monitoring agent has put {@code Monitoring} on the boot class path; this jar
 * carries no copy of it, so the class loader of the tools (the system class loader) finds the boot loader's, the
 * one that the probes reach. Without the monitoring agent first, the agent stops the JVM with a message saying so.
 */
public final class ToolsAgent {

    private static final String MONITORING = "io.lowimpact.monitoring.Monitoring";

    /** The tools by option key. */
    private static final Map<String, Consumer<String>> STARTERS = new LinkedHashMap<>();

    static {
        // Run in this order, whatever the order given: a tool's settings come before the tool.
        STARTERS.put("profileclock", ProfilerStarter::clock);
        STARTERS.put("profilepaths", ProfilerStarter::paths);
        STARTERS.put("profile", ProfilerStarter::start);
        STARTERS.put("trace", TraceStarter::start);
    }

    private ToolsAgent() {
    }

    /**
     * Entry point for {@code -javaagent}.
     *
     * @param options {@code key=value} pairs separated by commas
     * @throws IllegalArgumentException if an option is unknown, repeated or has no value
     * @throws IllegalStateException if the monitoring agent did not start before this one
     */
    public static void premain(String options) {
        Map<String, String> parsed = parse(options);
        requireMonitoringAgent();
        STARTERS.forEach((key, starter) -> {
            if (parsed.containsKey(key)) {
                starter.accept(parsed.get(key));
            }
        });
    }

    /**
     * @param options the agent's option string
     * @return the options by key, in the order given
     * @throws IllegalArgumentException if an option is unknown, repeated or has no value, or none is given
     */
    static Map<String, String> parse(String options) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (options != null && !options.isBlank()) {
            for (String pair : options.split(",")) {
                int eq = pair.indexOf('=');
                String key = (eq < 0 ? pair : pair.substring(0, eq)).strip();
                String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
                if (!STARTERS.containsKey(key)) {
                    throw new IllegalArgumentException("unknown tools agent option '" + key + "' (known: "
                            + String.join(", ", STARTERS.keySet()) + ")");
                }
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("tools agent option '" + key + "' needs a value: " + key
                            + "=...");
                }
                if (parsed.put(key, value) != null) {
                    throw new IllegalArgumentException("tools agent option '" + key + "' is given twice");
                }
            }
        }
        for (String setting : new String[] {"profileclock", "profilepaths"}) {
            if (parsed.containsKey(setting) && !parsed.containsKey("profile")) {
                throw new IllegalArgumentException("tools agent option '" + setting + "' is a setting of the profiler:"
                        + " give profile=<dir> too");
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("the tools agent needs an option naming a tool (known: "
                    + String.join(", ", STARTERS.keySet()) + "), for example profile=<dir>");
        }
        return parsed;
    }

    private static void requireMonitoringAgent() {
        try {
            Class.forName(MONITORING, false, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the tools agent needs the monitoring agent before it on the command line:"
                    + " -javaagent:monitoring-agent.jar[=options] -javaagent:lowimpact-tools-agent.jar=...", e);
        }
    }
}

package io.lowimpact.tools.internal;

import io.lowimpact.tools.trace.TracePrinter;

import java.util.Arrays;

/**
 * Starts the trace printer for the tools agent's {@code trace=<globs>}: class-name globs separated by {@code :}
 * or {@code ;}, each a prefix with an optional trailing {@code *} or {@code **} ({@code com.acme.Foo*},
 * {@code com.acme.**}); the events of every thread go to standard error, indented by depth.
 */
final class TraceStarter {

    private TraceStarter() {
    }

    static void start(String globs) {
        TracePrinter.builder().classes(prefixes(globs)).to(System.err).build().installAllThreads();
    }

    /** @return the class-name prefixes of the globs */
    static String[] prefixes(String globs) {
        String[] prefixes = Arrays.stream(globs.split("[:;]")).map(String::strip).filter(g -> !g.isEmpty())
                .map(g -> g.replaceAll("\\*+$", "")).toArray(String[]::new);
        for (String prefix : prefixes) {
            if (prefix.contains("*")) {
                throw new IllegalArgumentException("trace=" + globs + ": '*' may only end a class-name glob");
            }
        }
        if (prefixes.length == 0) {
            throw new IllegalArgumentException("trace=" + globs + " names no classes");
        }
        return prefixes;
    }
}

package io.lowimpact.tools.trace;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Prints the call, line, return and exception events of selected code units, indented by call depth, through the
 * legacy tracing facade (tool 7). Usable as a library: build one, {@link #install()} it on the threads to trace (or
 * {@link #installAllThreads()}), run, {@link #uninstall()}.
 *
 * <pre>{@code
 * TracePrinter printer = TracePrinter.builder().classes("com.acme.").to(System.out).build();
 * printer.install();
 * service.handle(request);
 * printer.uninstall();
 * }</pre>
 * prints
 * <pre>
 * call com.acme.Service.handle
 *   line 12
 *   call com.acme.Repo.find
 *     line 40
 *     exception java.lang.IllegalStateException: gone
 *     unwind java.lang.IllegalStateException: gone
 *   line 14
 *   return ok
 * </pre>
 *
 * <p>A unit is named {@code className.methodName}: {@code com.acme.Service.handle} for bytecode,
 * {@code app.js.add} for a Rhino function. Lines and returns are indented one step below their call; only
 * selected units print and count for the depth, so a selected call made through unselected code is one step below
 * the selected caller. The depth is per thread. A {@code void} return prints as {@code return}; other values and
 * exceptions print with {@link String#valueOf(Object)} unless formatters are given. Output goes through one lock,
 * so lines of threads do not interleave within a line; an {@link IOException} of the output is rethrown unchecked
 * to the facade, which logs it and goes on (S22).
 */
public final class TracePrinter implements Tracing.Tracer {

    private final Predicate<CodeUnit> selected;
    private final Appendable out;
    private final String indent;
    private final Function<Object, String> values;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    private TracePrinter(Builder b) {
        this.selected = b.selected;
        this.out = b.out;
        this.indent = b.indent;
        this.values = b.values;
    }

    /** @return a builder: every unit selected, output to {@link System#out}, two spaces per level */
    public static Builder builder() {
        return new Builder();
    }

    /** Traces the current thread ({@link Tracing#setTrace}). */
    public void install() {
        Tracing.setTrace(this);
    }

    /** Traces every thread that has no tracer of its own ({@link Tracing#setTraceAllThreads}). */
    public void installAllThreads() {
        Tracing.setTraceAllThreads(this);
    }

    /** Stops tracing the current thread, and all threads if this printer traced them. */
    public void uninstall() {
        if (Tracing.getTrace() == this) {
            Tracing.setTrace(null);
        }
        Tracing.setTraceAllThreads(null);
    }

    @Override
    public void onCall(CodeUnit code, int offset) {
        if (selected.test(code)) {
            int[] d = depth.get();
            print(d[0], "call " + code.className() + "." + code.methodName());
            d[0]++;
        }
    }

    @Override
    public void onLine(CodeUnit code, int line) {
        if (selected.test(code)) {
            print(depth.get()[0], "line " + line);
        }
    }

    @Override
    public void onReturn(CodeUnit code, int offset, Object value) {
        if (selected.test(code)) {
            int[] d = depth.get();
            print(d[0], value == Monitoring.MISSING ? "return" : "return " + values.apply(value));
            d[0] = Math.max(0, d[0] - 1);
        }
    }

    @Override
    public void onUnwind(CodeUnit code, int offset, Throwable exception) {
        if (selected.test(code)) {
            int[] d = depth.get();
            print(d[0], "unwind " + values.apply(exception));
            d[0] = Math.max(0, d[0] - 1);
        }
    }

    @Override
    public void onException(CodeUnit code, int offset, Throwable exception) {
        if (selected.test(code)) {
            print(depth.get()[0], "exception " + values.apply(exception));
        }
    }

    private void print(int level, String text) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < level; i++) {
            line.append(indent);
        }
        line.append(text).append('\n');
        try {
            synchronized (out) {
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configures a {@link TracePrinter}. */
    public static final class Builder {
        private Predicate<CodeUnit> selected = code -> true;
        private Appendable out = System.out;
        private String indent = "  ";
        private Function<Object, String> values = String::valueOf;

        private Builder() {
        }

        /**
         * Selects units by a test of their own.
         *
         * @param selection true for the units to print
         * @return this builder
         */
        public Builder select(Predicate<CodeUnit> selection) {
            this.selected = Objects.requireNonNull(selection, "selection must not be null");
            return this;
        }

        /**
         * Selects the units of classes (or injected namespaces, such as a script's source name) whose name starts
         * with one of the prefixes: {@code "com.acme."}, {@code "app.js"}.
         *
         * @param prefixes name prefixes, not empty
         * @return this builder
         */
        public Builder classes(String... prefixes) {
            if (prefixes.length == 0) {
                throw new IllegalArgumentException("classes() needs at least one prefix");
            }
            String[] copy = prefixes.clone();
            for (String p : copy) {
                Objects.requireNonNull(p, "prefix must not be null");
            }
            return select(code -> {
                for (String p : copy) {
                    if (code.className().startsWith(p)) {
                        return true;
                    }
                }
                return false;
            });
        }

        /**
         * Selects the units whose first source file is one of the given names (script units, bytecode units by
         * their {@code SourceFile}).
         *
         * @param files source file names
         * @return this builder
         */
        public Builder sources(String... files) {
            Set<String> names = Set.of(files);
            return select(code -> code.sourceFile() != null && names.contains(code.sourceFile()));
        }

        /**
         * @param output where lines go; {@link StringBuilder}, {@link java.io.PrintStream}, {@link java.io.Writer}
         * @return this builder
         */
        public Builder to(Appendable output) {
            this.out = Objects.requireNonNull(output, "output must not be null");
            return this;
        }

        /**
         * @param step the text of one level of depth
         * @return this builder
         */
        public Builder indent(String step) {
            this.indent = Objects.requireNonNull(step, "step must not be null");
            return this;
        }

        /**
         * @param formatter shows return values and exceptions
         * @return this builder
         */
        public Builder values(Function<Object, String> formatter) {
            this.values = Objects.requireNonNull(formatter, "formatter must not be null");
            return this;
        }

        /** @return the printer, not yet installed */
        public TracePrinter build() {
            return new TracePrinter(this);
        }
    }
}

package io.lowimpact.monitoring.instrument.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The whole corpus: every top-level target class, and calls of its public static methods with simple arguments. */
final class Corpus {

    /** At most this many argument lists per method. */
    static final int MAX_CALLS = 40;

    private Corpus() {
    }

    /** One call: a method (of the original class) and its arguments. */
    record Call(Method method, Object[] args) {
        @Override
        public String toString() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName() + Arrays.deepToString(args);
        }
    }

    /** @return the top-level classes of the targets package, by name */
    static List<Class<?>> targets() {
        Path dir;
        try {
            dir = Path.of(Corpus.class.getResource("targets").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String file = p.getFileName().toString();
                if (file.endsWith(".class") && !file.contains("$")) {
                    classes.add(Class.forName(Instrumented.TARGETS + file.substring(0, file.length() - 6)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    /** @return calls of every public static method of {@code target} whose parameters have sample values */
    static List<Call> calls(Class<?> target) {
        List<Call> calls = new ArrayList<>();
        Method[] methods = target.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            if (!Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            List<Object[]> lists = new ArrayList<>();
            lists.add(new Object[0]);
            for (Class<?> type : m.getParameterTypes()) {
                Object[] samples = samples(type);
                List<Object[]> longer = new ArrayList<>();
                for (Object[] list : lists) {
                    for (Object sample : samples) {
                        Object[] next = Arrays.copyOf(list, list.length + 1);
                        next[list.length] = sample;
                        longer.add(next);
                    }
                }
                lists = longer;
            }
            for (Object[] args : lists.subList(0, Math.min(MAX_CALLS, lists.size()))) {
                calls.add(new Call(m, args));
            }
        }
        return calls;
    }

    private static Object[] samples(Class<?> type) {
        if (type == int.class) {
            return new Object[] {0, 1, 2, 7, -1};
        } else if (type == long.class) {
            return new Object[] {2L};
        } else if (type == double.class) {
            return new Object[] {1.5};
        } else if (type == boolean.class) {
            return new Object[] {false, true};
        } else if (type == String.class) {
            return new Object[] {null, "", "b", "12", "BLUE", "PLUS", " x "};
        } else if (type == Object.class) {
            return new Object[] {null, "abcd", "ab", 5};
        }
        throw new IllegalArgumentException("no samples for " + type);
    }
}

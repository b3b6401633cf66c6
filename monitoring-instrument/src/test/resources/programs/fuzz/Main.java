import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * design.md R4: mutated real class files (seeded). Mode "define" defines each under its own name in a fresh loader
 * and links it, printing one line per input with what the JVM answered; run with and without the agent
 * (probes= for every kind, so each class that parses is instrumented), the lines must be equal. Mode "offline"
 * gives each to OfflineInstrumenter.instrument (10 s at most each) and prints what it answered ("HANG" if it
 * did not), then a count per answer.
 * Arguments: mode, seed, number of inputs, jars to take class files from.
 */
public class Main {

    static final class OneClassLoader extends ClassLoader {
        OneClassLoader() {
            super(Main.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    public static void main(String[] args) throws Exception {
        boolean offline = args[0].equals("offline");
        Random random = new Random(Long.parseLong(args[1]));
        int count = Integer.parseInt(args[2]);
        List<String> names = new ArrayList<>();
        List<byte[]> classes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            try (JarFile jar = new JarFile(args[i])) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    JarEntry entry = e.nextElement();
                    String path = entry.getName();
                    if (path.endsWith(".class") && !path.startsWith("META-INF/") && !path.contains("-info")) {
                        names.add(path.substring(0, path.length() - 6).replace('/', '.'));
                        classes.add(jar.getInputStream(entry).readAllBytes());
                    }
                }
            }
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "instrument");
            t.setDaemon(true);
            return t;
        });
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(classes.size());
            byte[] bytes = Mutations.mutate(classes.get(pick), random);
            String outcome = offline ? offline(worker, bytes) : define(names.get(pick), bytes);
            answers.merge(outcome, 1, Integer::sum);
            System.out.println(i + " " + names.get(pick) + " " + outcome);
            if (outcome.equals("HANG")) {
                break;
            }
        }
        System.out.println("answers " + answers);
    }

    private static String define(String name, byte[] bytes) {
        try {
            new OneClassLoader().define(name, bytes).getDeclaredMethods();
            return "ok";
        } catch (Throwable t) {
            return t.getClass().getName();
        }
    }

    private static String offline(ExecutorService worker, byte[] bytes) throws InterruptedException {
        Future<byte[]> result = worker.submit(() -> OfflineInstrumenter.instrument(bytes, EventSet.ALL));
        try {
            result.get(10, TimeUnit.SECONDS);
            return "returned";
        } catch (ExecutionException e) {
            return e.getCause().getClass().getName();
        } catch (TimeoutException e) {
            return "HANG";
        }
    }
}

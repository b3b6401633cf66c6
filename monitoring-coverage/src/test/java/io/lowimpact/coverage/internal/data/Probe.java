package io.lowimpact.coverage.internal.data;

import io.lowimpact.coverage.CoverageData;
import io.lowimpact.coverage.CoverageDataAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers that look into a {@link CoverageData}'s records. */
public final class Probe {

    private Probe() {
    }

    /** @return the record of a method of a class, which must have been recorded */
    public static MethodRecord method(CoverageData data, String className, String name) {
        for (ClassRecord c : CoverageDataAccess.dataSet(data).classes()) {
            if (c.name().equals(className)) {
                for (MethodRecord m : c.methods()) {
                    if (m.name().equals(name)) {
                        return m;
                    }
                }
            }
        }
        throw new AssertionError("no method " + className + "." + name + " recorded: " + data.classNames());
    }

    /** @return line -> names of the contexts that reached it, each with the given affixes removed */
    public static String lineContexts(CoverageData data, MethodRecord m, String... strip) {
        Map<Integer, List<String>> contexts = new TreeMap<>();
        for (int i = 0; i < m.lineCount(); i++) {
            List<String> names = new ArrayList<>();
            m.lineContexts(i).stream().forEach(c -> {
                String name = data.contexts().get(c);
                for (String s : strip) {
                    name = name.replace(s, "");
                }
                names.add(name);
            });
            contexts.put(m.line(i), names);
        }
        return contexts.toString();
    }
}

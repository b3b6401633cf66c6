package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * The dotted binary names ({@code java.lang.String}) of the classes one class's calls name, each made once: a class
 * calls the same few owners many times. Not thread-safe: one per class analysed.
 */
final class DottedNames {

    private final Map<String, String> names = new HashMap<>();

    /** @return {@code internalName} with its slashes turned into dots */
    String of(String internalName) {
        String dotted = names.get(internalName);
        if (dotted == null) {
            dotted = internalName.replace('/', '.');
            names.put(internalName, dotted);
        }
        return dotted;
    }
}

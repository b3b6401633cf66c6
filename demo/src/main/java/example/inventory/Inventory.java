package example.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The monitored application of the demo: parses stock lines and reports what to reorder. */
public final class Inventory {

    private final Map<String, Integer> stock = new LinkedHashMap<>();

    /**
     * Reads lines of the form {@code name=count}; blank lines and comments are skipped.
     *
     * @param lines the lines
     * @return how many lines were malformed
     */
    public int load(List<String> lines) {
        int malformed = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                malformed++;
                continue;
            }
            stock.put(line.substring(0, eq), parseCount(line.substring(eq + 1)));
        }
        return malformed;
    }

    private static int parseCount(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * @param threshold reorder below this count
     * @return the items to reorder
     */
    public List<String> reorder(int threshold) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : stock.entrySet()) {
            if (e.getValue() < threshold) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * @param name an item
     * @return a word for how much of it there is
     */
    public String level(String name) {
        int count = stock.getOrDefault(name, -1);
        switch (count) {
            case -1:
                return "unknown";
            case 0:
                return "none";
            default:
                return count < 10 ? "low" : "plenty";
        }
    }
}

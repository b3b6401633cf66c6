package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/** All code units: dense ids, lookup by id and by name. */
public final class Units {

    private final Object lock = new Object();
    private volatile Unit[] byId = new Unit[64];
    private int count;
    private final ConcurrentHashMap<String, Unit> byName = new ConcurrentHashMap<>();

    Unit define(CodeUnitSpec spec) {
        return add(id -> new Unit(id, spec.className(), spec.methodName(), spec.descriptor(), spec.sourceFiles(),
                spec.length(), spec.positions(), null, spec.branches()));
    }

    /**
     * Registers a unit made by {@code factory} from a fresh id.
     *
     * @param factory makes the unit for the id it is given
     * @return the unit
     */
    public Unit add(IntFunction<Unit> factory) {
        synchronized (lock) {
            Unit unit = factory.apply(count);
            Unit[] table = byId;
            if (count == table.length) {
                table = Arrays.copyOf(table, table.length * 2);
            }
            table[count++] = unit;
            byId = table;
            byName.put(key(unit.className(), unit.methodName(), unit.descriptor()), unit);
            return unit;
        }
    }

    /**
     * @param id a unit id
     * @return the unit, or null
     */
    public Unit byId(int id) {
        Unit[] table = byId;
        return id >= 0 && id < table.length ? table[id] : null;
    }

    Optional<CodeUnit> find(String className, String methodName, String descriptor) {
        return Optional.ofNullable(byName.get(key(className, methodName, descriptor)));
    }

    private static String key(String className, String methodName, String descriptor) {
        return className + '\0' + methodName + '\0' + descriptor;
    }
}

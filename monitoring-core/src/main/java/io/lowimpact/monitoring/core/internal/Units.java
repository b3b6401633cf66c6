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
    /** Units by class name (the unit's own string, no key built per unit); a class has few, so lookups scan. */
    private final ConcurrentHashMap<String, Unit[]> byClass = new ConcurrentHashMap<>();

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
            byClass.merge(unit.className(), new Unit[] {unit}, (old, one) -> {
                Unit[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = one[0];
                return grown;
            });
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
        Unit[] units = byClass.get(className);
        if (units != null) {
            for (int i = units.length - 1; i >= 0; i--) { // the newest definition of a name wins
                Unit unit = units[i];
                if (unit.methodName().equals(methodName) && unit.descriptor().equals(descriptor)) {
                    return Optional.of(unit);
                }
            }
        }
        return Optional.empty();
    }
}

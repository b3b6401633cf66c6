package io.lowimpact.monitoring.instrument.internal.probes;

/**
 * How the probes of one class name their slot to the runtime. A probe that passes no value (LINE, the branch
 * events, JUMP, INSTRUCTION, METHOD_START: most of them) pushes one {@code int} constant, the class id in its high
 * 16 bits and the slot in its low ones, and calls {@code Bootstrap.fire(I)V}: three bytes of bytecode less per probe
 * than pushing both (with an {@code ldc_w} of a constant of its own), which is less for the JIT to compile in every
 * method. Each such probe adds a {@code CONSTANT_Integer} to the class's pool, so a class whose pool would come near
 * the class file's limit of 65,535 entries, a class id or a slot past 16 bits, pushes both as before.
 */
final class ProbeIds {

    /** Entries kept free in the pool for the rest of what probes add (the mask array's constant, methods, types). */
    private static final int POOL_MARGIN = 1024;
    private static final int POOL_LIMIT = 65_535;

    final int classId;
    private int valueless;
    private boolean packed;

    ProbeIds(int classId) {
        this.classId = classId;
    }

    /** Counts one probe that passes no value: one more constant if the class packs. */
    void countValueless() {
        valueless++;
    }

    /**
     * Decides, once every probe of the class is placed and before it is written, whether its probes pack.
     *
     * @param poolEntries the entries of the original's constant pool, which the writer starts from
     */
    void decide(int poolEntries) {
        packed = classId <= 0xFFFF && poolEntries + valueless <= POOL_LIMIT - POOL_MARGIN;
    }

    /** @return whether a probe that passes no value at {@code slot} pushes one packed constant */
    boolean packs(int slot) {
        return packed && slot <= 0xFFFF;
    }

    /** @return the packed constant of {@code slot}: the class id in the high half, the slot in the low one */
    int packed(int slot) {
        return classId << 16 | slot;
    }
}

package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Position;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A code unit: immutable tables plus, guarded by the {@link Control} lock, each tool's local events and the
 * sites created in it so far.
 */
public final class Unit implements CodeUnit {

    private final int id;
    private final String className;
    private final String methodName;
    private final String descriptor;
    private final List<String> sourceFiles;
    private final int length;
    private final UnitTables tables;
    private final Object owner;
    /** The unit's call sites; null until loaded, for a bytecode unit made without them ({@link #loadCalls}). */
    private volatile Calls calls;

    /** Local event masks by tool id, null while no tool has set any here (most units); guarded by the Control lock. */
    private int[] local;
    /** Sites of the injection API by key, made on first use; guarded by the Control lock. */
    private Map<SiteKey, Site> sites;
    /** How many of {@link #sites} have a non-zero mask; written under the Control lock, read without it. */
    private volatile int activeSites;
    /** The instrumented class whose probes fire this unit's bytecode events, or null; set once, under the lock. */
    private ProbeClass probeClass;
    private int indexInClass = -1;

    /**
     * Makes a unit. Tables must be valid (sorted, non-overlapping, inside {@code [0, length)}).
     *
     * @param id the unit's id
     * @param className owner
     * @param methodName name
     * @param descriptor descriptor
     * @param sourceFiles files that positions point into
     * @param length number of offsets
     * @param positions position table, sorted
     * @param lines line table, sorted; null to derive it from {@code positions}
     * @param branches branch table
     */
    Unit(int id, String className, String methodName, String descriptor, List<String> sourceFiles, int length,
            List<Position> positions, List<LineRange> lines, List<Branch> branches) {
        // an injected unit has no invoke instructions: its CALL sites carry their own targets
        this(id, className, methodName, descriptor, sourceFiles, length, positions, lines, branches, Map.of(), null);
    }

    private Unit(int id, String className, String methodName, String descriptor, List<String> sourceFiles, int length,
            List<Position> positions, List<LineRange> lines, List<Branch> branches, Map<Integer, CallTarget> callTargets,
            Object owner) {
        this.id = id;
        this.owner = owner;
        this.className = className;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.sourceFiles = List.copyOf(sourceFiles);
        this.length = length;
        this.tables = new UnitTables(positions, lines, branches);
        this.calls = callTargets == null ? null : Calls.of(callTargets);
    }

    /**
     * Makes the unit of a method body analysed from bytecode.
     *
     * @param id the id given by {@link Units#add}
     * @param className the class's binary name
     * @param methodName the method's name
     * @param descriptor the method's descriptor
     * @param sourceFiles the source files (the SourceFile attribute, or the SMAP's files)
     * @param length the code length in bytes
     * @param positions position table
     * @param lines line table
     * @param branches branch table
     * @param callTargets the target of each invoke instruction, by offset; null to load them later, when the class
     *        first gets call probes ({@link #loadCalls})
     * @param owner what the instrumenter keys the unit by (its class), or null
     * @return the unit
     */
    public static Unit bytecode(int id, String className, String methodName, String descriptor, List<String> sourceFiles,
            int length, List<Position> positions, List<LineRange> lines, List<Branch> branches,
            Map<Integer, CallTarget> callTargets, Object owner) {
        return new Unit(id, className, methodName, descriptor, sourceFiles, length, positions, lines, branches,
                callTargets, owner);
    }

    /** @return the local events of a tool here, as a mask; caller holds the Control lock (or reads a stale mask) */
    int local(int toolId) {
        int[] masks = local;
        return masks == null ? 0 : masks[toolId];
    }

    /** Sets the local events of a tool here; caller holds the Control lock. */
    void setLocal(int toolId, int mask) {
        if (local == null) {
            if (mask == 0) {
                return;
            }
            local = new int[Control.SLOTS];
        }
        local[toolId] = mask;
    }

    Site site(SiteKey key) {
        return sites == null ? null : sites.get(key);
    }

    void addSite(SiteKey key, Site site) {
        if (sites == null) {
            sites = new HashMap<>();
        }
        sites.put(key, site);
    }

    Collection<Site> sites() {
        return sites == null ? List.of() : sites.values();
    }

    /** One of this unit's injection-API sites became active ({@code +1}) or inactive ({@code -1}); under the lock. */
    void activeSitesChanged(int delta) {
        activeSites += delta;
    }

    @Override
    public boolean hasActiveProbes() {
        return activeSites != 0;
    }

    void placeIn(ProbeClass owner, int index) {
        if (probeClass != null) {
            throw new IllegalStateException(this + " already belongs to probe class " + probeClass.id());
        }
        probeClass = owner;
        indexInClass = index;
    }

    ProbeClass probeClass() {
        return probeClass;
    }

    int indexInClass() {
        return indexInClass;
    }

    /** @return what the instrumenter keys this unit by, or null for injected units */
    public Object owner() {
        return owner;
    }

    /** @return whether the unit's call targets are known: always for injected units, once loaded for bytecode */
    public boolean callsLoaded() {
        return calls != null;
    }

    /**
     * Gives a bytecode unit made without its call targets the targets of its invoke instructions. The instrumenter
     * calls it before the unit's first call probe is allocated; a second call changes nothing.
     *
     * @param callTargets the target of each invoke instruction, by offset
     */
    public synchronized void loadCalls(Map<Integer, CallTarget> callTargets) {
        if (calls == null) {
            calls = Calls.of(callTargets);
        }
    }

    /** @return the index of the call at {@code offset} among this unit's calls, or -1 */
    int callIndexAt(int offset) {
        Calls known = calls;
        return known == null ? -1 : known.indexAt(offset);
    }

    /** @return the call target of an index from {@link #callIndexAt}, or null for -1 */
    CallTarget callTargetOfIndex(int index) {
        return index < 0 ? null : calls.targetOfIndex(index); // an index >= 0 came from loaded calls
    }

    /** @return the tools' local event masks, OR-ed: the local probe kinds this unit needs */
    public int localDemand() {
        int[] masks = local;
        if (masks == null) {
            return 0;
        }
        int any = 0;
        for (int m : masks) {
            any |= m;
        }
        return any;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String className() {
        return className;
    }

    @Override
    public String methodName() {
        return methodName;
    }

    @Override
    public String descriptor() {
        return descriptor;
    }

    @Override
    public String sourceFile() {
        return sourceFiles.isEmpty() ? null : sourceFiles.get(0);
    }

    @Override
    public int firstLine() {
        return tables.firstLine();
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public List<String> sourceFiles() {
        return sourceFiles;
    }

    @Override
    public List<LineRange> lines() {
        return tables.lines();
    }

    @Override
    public List<Position> positions() {
        return tables.positions();
    }

    @Override
    public Optional<Position> positionAt(int offset) {
        List<Position> positions = positions();
        int lo = 0;
        int hi = positions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Position p = positions.get(mid);
            if (offset < p.startOffset()) {
                hi = mid - 1;
            } else if (offset >= p.endOffset()) {
                lo = mid + 1;
            } else {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The line at an offset, from the line table; -1 when none covers it. */
    int lineAt(int offset) {
        return tables.lineAt(offset);
    }

    @Override
    public int offsetOf(int sourceIndex, int line, int column) {
        for (Position p : positions()) {
            if (p.covers(sourceIndex, line, column)) {
                return p.startOffset();
            }
        }
        return -1;
    }

    @Override
    public List<Branch> branches() {
        return tables.branches();
    }

    Branch branchAt(int from) {
        return tables.branchFrom(from);
    }

    @Override
    public String toString() {
        return className + "." + methodName + descriptor;
    }
}

package io.lowimpact.coverage.internal.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a data file holds: the recording sessions, the context (test) names, and the class records, one per
 * class name and class-file CRC (two versions of a class stay apart, so that a changed class is never mixed in).
 */
public final class DataSet {

    private final List<Session> sessions = new ArrayList<>();
    private final List<String> contexts = new ArrayList<>();
    private final Map<String, Integer> contextIds = new LinkedHashMap<>();
    private final Map<String, ClassRecord> classes = new LinkedHashMap<>();

    /** @return the sessions, in the order added */
    public List<Session> sessions() {
        return Collections.unmodifiableList(sessions);
    }

    /** Adds a session. */
    public void addSession(Session session) {
        sessions.add(session);
    }

    /** @return the context names; a context's id is its index */
    public List<String> contexts() {
        return Collections.unmodifiableList(contexts);
    }

    /** @return the id of a context, added if new */
    public int context(String name) {
        Integer id = contextIds.get(name);
        if (id == null) {
            id = contexts.size();
            contexts.add(name);
            contextIds.put(name, id);
        }
        return id;
    }

    /** @return every class record */
    public Collection<ClassRecord> classes() {
        return Collections.unmodifiableCollection(classes.values());
    }

    /** @return every recorded version of a class (one per class-file CRC) */
    public List<ClassRecord> versions(String className) {
        List<ClassRecord> found = new ArrayList<>();
        for (ClassRecord c : classes.values()) {
            if (c.name().equals(className)) {
                found.add(c);
            }
        }
        return found;
    }

    /** @return the record of that class version, or null */
    public ClassRecord get(String className, long crc) {
        return classes.get(key(className, crc));
    }

    /** Adds a class record; that version must not be there yet. */
    public void add(ClassRecord record) {
        if (classes.putIfAbsent(key(record.name(), record.crc()), record) != null) {
            throw new IllegalArgumentException("class " + record.name() + " (crc " + Long.toHexString(record.crc())
                    + ") is in the data set twice");
        }
    }

    /**
     * Adds another data set into this one: sessions appended, contexts by name, classes by name and CRC.
     *
     * @param other the data to add; not changed
     * @throws IllegalArgumentException if a class version has other lines or branches in the two sets
     */
    public void mergeFrom(DataSet other) {
        sessions.addAll(other.sessions);
        int[] contextMap = new int[other.contexts.size()];
        for (int i = 0; i < contextMap.length; i++) {
            contextMap[i] = context(other.contexts.get(i));
        }
        for (ClassRecord c : other.classes.values()) {
            ClassRecord mine = get(c.name(), c.crc());
            if (mine == null) {
                mine = new ClassRecord(c.name(), c.crc(), c.sourceFile());
                classes.put(key(c.name(), c.crc()), mine);
            }
            mine.mergeFrom(c, contextMap);
        }
    }

    private static String key(String name, long crc) {
        return name + '@' + crc;
    }
}

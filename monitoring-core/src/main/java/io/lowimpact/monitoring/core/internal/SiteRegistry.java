package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.Event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Every site and every instrumented class, and the recomputation of their masks ({@link MaskRule}) after a change:
 * a change of global events or callbacks touches the sites of those events, a change of local events the sites of
 * one unit, a DISABLE or restart the sites concerned. Sites of the injection API are kept per event; bytecode probes
 * are kept per class, as slots ({@link ProbeClass}). All methods but {@link #probeClass} need the Control lock.
 */
final class SiteRegistry {

    private final ToolState[] tools;
    private final Dispatcher dispatcher;
    /** Sites of the injection API by event ordinal. */
    private final List<List<Site>> injectedByEvent = new ArrayList<>(Event.COUNT);
    /** Instrumented classes by id; replaced whole, read without the lock by {@link Bootstrap}. */
    private volatile ProbeClass[] classes = new ProbeClass[0];
    private final ProbeClass.SlotMask wanted;

    SiteRegistry(ToolState[] tools, Dispatcher dispatcher) {
        this.tools = tools;
        this.dispatcher = dispatcher;
        this.wanted = (unit, event) -> MaskRule.mask(tools, unit, event);
        for (int e = 0; e < Event.COUNT; e++) {
            injectedByEvent.add(new ArrayList<>());
        }
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The injection API's site for a location, made on first request. Arguments are already validated. */
    Site injected(Unit unit, Event<?> event, int offset, int to, int line, CallTarget target) {
        SiteKey key = new SiteKey(event.ordinal(), offset, to);
        Site site = unit.site(key);
        if (site != null) {
            if (!Objects.equals(site.target, target)) {
                throw new IllegalArgumentException("a " + event.name() + " probe at offset " + offset
                        + " of code unit " + unit + " already has target " + site.target);
            }
            return site;
        }
        site = new Site(dispatcher, unit, event, offset, to, line, target);
        unit.addSite(key, site);
        injectedByEvent.get(event.ordinal()).add(site);
        refresh(site);
        return site;
    }

    /** Registers an instrumented class's units; returns its probe slots, none allocated yet. */
    ProbeClass register(List<Unit> classUnits) {
        ProbeClass[] table = classes;
        ProbeClass probeClass = new ProbeClass(table.length, classUnits);
        for (int i = 0; i < classUnits.size(); i++) {
            classUnits.get(i).placeIn(probeClass, i);
        }
        ProbeClass[] grown = Arrays.copyOf(table, table.length + 1);
        grown[table.length] = probeClass;
        classes = grown;
        return probeClass;
    }

    /** Makes a class's newly allocated slots readable by its probes, with their current masks. */
    void publish(ProbeClass probeClass) {
        probeClass.publish(wanted);
    }

    /** @return every registered class's slots; no lock */
    ProbeClass[] probeClasses() {
        return classes;
    }

    /** The class of an id that probes pass, or null; needs no lock. */
    ProbeClass probeClass(int id) {
        ProbeClass[] table = classes;
        return id >= 0 && id < table.length ? table[id] : null;
    }

    /** Recomputes the masks of every site of an event. */
    void refreshEvent(Event<?> event) {
        List<Site> sites = injectedByEvent.get(event.ordinal());
        for (int i = 0, n = sites.size(); i < n; i++) {
            refresh(sites.get(i));
        }
        for (ProbeClass probeClass : classes) {
            probeClass.refresh(event, wanted);
        }
    }

    /** Recomputes the masks of one unit's sites whose events' control bits are in {@code changed}. */
    void refreshUnit(Unit unit, int changed) {
        for (Site site : unit.sites()) {
            if ((site.controlBit & changed) != 0) {
                refresh(site);
            }
        }
        ProbeClass probeClass = unit.probeClass();
        if (probeClass != null) {
            for (int e = 0; e < Event.COUNT; e++) {
                Event<?> event = Event.ofOrdinal(e);
                if ((Events.controlBit(event) & changed) != 0) {
                    probeClass.refreshRange(unit.indexInClass(), event, wanted);
                }
            }
        }
    }

    /** Recomputes one site's mask: the mask rule, less the tools that disabled it. */
    void refresh(Site site) {
        site.setMaskLocked(MaskRule.mask(tools, site.unit, site.event) & ~site.disabled);
    }

    /** Recomputes one bytecode slot's mask likewise. */
    void refreshSlot(ProbeClass probeClass, int slot) {
        probeClass.refreshSlot(slot, MaskRule.mask(tools, probeClass.unit(slot), probeClass.eventOf(slot)));
    }
}

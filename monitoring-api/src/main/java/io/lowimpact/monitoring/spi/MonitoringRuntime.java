package io.lowimpact.monitoring.spi;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.CountCallback;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import java.lang.reflect.Executable;
import java.util.Optional;

/**
 * What {@link io.lowimpact.monitoring.Monitoring} binds to: implemented by {@code monitoring-core} and found
 * with {@link java.util.ServiceLoader}. Not for tools: call {@code Monitoring} instead. Each method has the
 * contract of the {@code Monitoring} (or {@code CodeUnit}) method of the same name, including its checks.
 */
public interface MonitoringRuntime {

    /**
     * @see io.lowimpact.monitoring.Monitoring#useToolId(int, String)
     * @param id id
     * @param name name
     * @return tool
     */
    Tool useToolId(int id, String name);

    /**
     * @see io.lowimpact.monitoring.Monitoring#getTool(int)
     * @param id id
     * @return name
     */
    Optional<String> getTool(int id);

    /**
     * @see io.lowimpact.monitoring.Monitoring#clearToolId(int)
     * @param id id
     */
    void clearToolId(int id);

    /**
     * @see io.lowimpact.monitoring.Monitoring#freeToolId(int)
     * @param id id
     */
    void freeToolId(int id);

    /**
     * @see io.lowimpact.monitoring.Monitoring#registerCallback(int, Event, Object)
     * @param id id @param event event @param callback callback @param <C> callback type @return previous
     */
    <C> C registerCallback(int id, Event<C> event, C callback);

    /**
     * @see io.lowimpact.monitoring.Monitoring#setEvents(int, EventSet)
     * @param id id
     * @param events events
     */
    void setEvents(int id, EventSet events);

    /**
     * @see io.lowimpact.monitoring.Monitoring#getEvents(int)
     * @param id id
     * @return events
     */
    EventSet getEvents(int id);

    /**
     * @see io.lowimpact.monitoring.Monitoring#setLocalEvents(int, CodeUnit, EventSet)
     * @param id id @param code unit @param events events
     */
    void setLocalEvents(int id, CodeUnit code, EventSet events);

    /**
     * @see io.lowimpact.monitoring.Monitoring#getLocalEvents(int, CodeUnit)
     * @param id id
     * @param code unit
     * @return events
     */
    EventSet getLocalEvents(int id, CodeUnit code);

    /**
     * @see io.lowimpact.monitoring.Monitoring#setDeferredEvents(int, EventSet)
     * @param id id
     * @param events events
     */
    void setDeferredEvents(int id, EventSet events);

    /**
     * @see io.lowimpact.monitoring.Monitoring#getDeferredEvents(int)
     * @param id id
     * @return the deferred events
     */
    EventSet getDeferredEvents(int id);

    /**
     * @see io.lowimpact.monitoring.Monitoring#setCountedEvents(int, EventSet, CountCallback)
     * @param id id
     * @param events events
     * @param callback the count callback
     */
    void setCountedEvents(int id, EventSet events, CountCallback callback);

    /**
     * @see io.lowimpact.monitoring.Monitoring#getCountedEvents(int)
     * @param id id
     * @return the counted events
     */
    EventSet getCountedEvents(int id);

    /**
     * @see io.lowimpact.monitoring.Monitoring#flushEvents(int)
     * @param id id
     */
    void flushEvents(int id);

    /**
     * @see io.lowimpact.monitoring.Monitoring#restartEvents(int)
     * @param id id
     */
    void restartEvents(int id);

    /**
     * @see io.lowimpact.monitoring.Monitoring#restartEvents()
     */
    void restartEvents();

    /**
     * @see io.lowimpact.monitoring.Monitoring#probe(CodeUnit, Event, int)
     * @param code unit
     * @param event event
     * @param offset offset
     * @return probe
     */
    Probe probe(CodeUnit code, Event<?> event, int offset);

    /**
     * @see io.lowimpact.monitoring.Monitoring#probe(CodeUnit, Event, int, int)
     * @param code unit @param event event @param from from @param to to @return probe
     */
    Probe probe(CodeUnit code, Event<?> event, int from, int to);

    /**
     * @see io.lowimpact.monitoring.Monitoring#probe(CodeUnit, Event, int, CallTarget)
     * @param code unit @param event event @param offset offset @param target target @return probe
     */
    Probe probe(CodeUnit code, Event<?> event, int offset, CallTarget target);

    /**
     * @see io.lowimpact.monitoring.CodeUnit#define(CodeUnitSpec)
     * @param spec spec
     * @return unit
     */
    CodeUnit define(CodeUnitSpec spec);

    /**
     * @see io.lowimpact.monitoring.CodeUnit#of(java.lang.reflect.Method)
     * @param executable method or constructor
     * @return unit
     */
    CodeUnit unitOf(Executable executable);

    /**
     * @see io.lowimpact.monitoring.CodeUnit#find(String, String, String)
     * @param className class @param methodName method @param descriptor descriptor @return unit
     */
    Optional<CodeUnit> find(String className, String methodName, String descriptor);

    /**
     * The legacy tracing facade (tools 6 and 7).
     *
     * @see io.lowimpact.monitoring.Tracing
     * @return the facade's runtime side
     */
    TracingRuntime tracing();
}

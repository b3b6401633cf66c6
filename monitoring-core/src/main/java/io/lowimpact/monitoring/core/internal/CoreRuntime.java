package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.CountCallback;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.spi.MonitoringRuntime;
import io.lowimpact.monitoring.spi.TracingRuntime;

import java.lang.reflect.Executable;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link MonitoringRuntime} that {@code Monitoring} binds to: checks arguments and forwards to
 * {@link Control#INSTANCE}. Stateless; any number of instances share the one state.
 */
public final class CoreRuntime implements MonitoringRuntime {

    private static volatile Function<Executable, CodeUnit> bytecodeUnits;

    /** Made by {@link java.util.ServiceLoader}. */
    public CoreRuntime() {
    }

    /**
     * Installs what maps methods to bytecode units ({@code CodeUnit.of}); the agent calls this.
     *
     * @param source maps a method or constructor to its unit
     */
    public static void setBytecodeUnits(Function<Executable, CodeUnit> source) {
        bytecodeUnits = source;
    }

    private static Control control() {
        return Control.INSTANCE;
    }

    @Override
    public Tool useToolId(int id, String name) {
        return control().useToolId(Checks.toolId(id), Checks.toolName(name));
    }

    @Override
    public Optional<String> getTool(int id) {
        return control().getTool(Checks.toolId(id));
    }

    @Override
    public void clearToolId(int id) {
        control().clear(Checks.toolId(id), null);
    }

    @Override
    public void freeToolId(int id) {
        control().free(Checks.toolId(id), null);
    }

    @Override
    public <C> C registerCallback(int id, Event<C> event, C callback) {
        Checks.toolId(id);
        Checks.event(event);
        return event.cast(control().events().registerCallback(id, null, event, event.cast(callback)));
    }

    @Override
    public void setEvents(int id, EventSet events) {
        control().events().setEvents(Checks.toolId(id), null, Checks.globalSet(events));
    }

    @Override
    public EventSet getEvents(int id) {
        return control().events().getEvents(Checks.toolId(id), null);
    }

    @Override
    public void setLocalEvents(int id, CodeUnit code, EventSet events) {
        Checks.toolId(id);
        control().events().setLocalEvents(id, null, Checks.unit(code), Checks.localSet(events));
    }

    @Override
    public EventSet getLocalEvents(int id, CodeUnit code) {
        Checks.toolId(id);
        return control().events().getLocalEvents(id, null, Checks.unit(code));
    }

    @Override
    public void setDeferredEvents(int id, EventSet events) {
        control().events().setDeferred(Checks.toolId(id), null, Checks.deferredSet(events));
    }

    @Override
    public EventSet getDeferredEvents(int id) {
        return control().events().getDeferred(Checks.toolId(id), null);
    }

    @Override
    public void setCountedEvents(int id, EventSet events, CountCallback callback) {
        control().events().setCounted(Checks.toolId(id), null, Checks.countedSet(events, callback), callback);
    }

    @Override
    public EventSet getCountedEvents(int id) {
        return control().events().getCounted(Checks.toolId(id), null);
    }

    @Override
    public void flushEvents(int id) {
        control().restarts().flush(Checks.toolId(id), null);
    }

    @Override
    public void restartEvents(int id) {
        control().restarts().restart(Checks.toolId(id), null);
    }

    @Override
    public void restartEvents() {
        control().restarts().restartAll();
    }

    @Override
    public Probe probe(CodeUnit code, Event<?> event, int offset) {
        Unit unit = Checks.unit(code);
        Checks.event(event);
        if (Events.isEdge(event)) {
            throw new IllegalArgumentException(event.name() + " probes are edges: use probe(code, event, from, to)");
        }
        if (Events.isCall(event)) {
            throw new IllegalArgumentException(event.name() + " probes need a target: use probe(code, event, offset, target)");
        }
        Checks.offset(unit, offset);
        int line = -1;
        if (event == Event.LINE) {
            line = unit.lineAt(offset);
            if (line < 1) {
                throw new IllegalArgumentException("no line at offset " + offset + " of code unit "
                        + unit.className() + "." + unit.methodName());
            }
        }
        return control().site(unit, event, offset, -1, line, null);
    }

    @Override
    public Probe probe(CodeUnit code, Event<?> event, int from, int to) {
        Unit unit = Checks.unit(code);
        Checks.event(event);
        if (!Events.isEdge(event)) {
            throw new IllegalArgumentException(event.name() + " is not an edge event: use probe(code, event, offset)");
        }
        Checks.offset(unit, from);
        Checks.offset(unit, to);
        if (event != Event.JUMP) {
            Branch branch = unit.branchAt(from);
            boolean known = branch != null
                    && (event == Event.BRANCH_LEFT ? branch.left() == to : branch.hasRight(to));
            if (!known) {
                throw new IllegalArgumentException("no " + event.name() + " edge " + from + " -> " + to
                        + " in code unit " + unit.className() + "." + unit.methodName());
            }
        }
        return control().site(unit, event, from, to, -1, null);
    }

    @Override
    public Probe probe(CodeUnit code, Event<?> event, int offset, CallTarget target) {
        Unit unit = Checks.unit(code);
        Checks.event(event);
        Checks.target(target);
        if (!Events.isCall(event)) {
            throw new IllegalArgumentException(event.name() + " probes take no target: use probe(code, event, offset)");
        }
        Checks.offset(unit, offset);
        return control().site(unit, event, offset, -1, -1, target);
    }


    @Override
    public CodeUnit define(CodeUnitSpec spec) {
        return control().units().define(Objects.requireNonNull(spec, "spec must not be null"));
    }

    @Override
    public CodeUnit unitOf(Executable executable) {
        Objects.requireNonNull(executable, "method must not be null");
        Function<Executable, CodeUnit> source = bytecodeUnits;
        if (source == null) {
            throw new IllegalStateException("no code unit for " + executable
                    + ": bytecode units need the monitoring agent (-javaagent:monitoring-agent.jar)");
        }
        return source.apply(executable);
    }

    @Override
    public Optional<CodeUnit> find(String className, String methodName, String descriptor) {
        Objects.requireNonNull(className, "className must not be null");
        Objects.requireNonNull(methodName, "methodName must not be null");
        Objects.requireNonNull(descriptor, "descriptor must not be null");
        return control().units().find(className, methodName, descriptor);
    }

    @Override
    public TracingRuntime tracing() {
        return TracingFacade.INSTANCE;
    }
}

/**
 * Lowimpact's instrumentation: bytecode analysis of code units (original offsets, line points, branches,
 * calls, handlers) and, built on it, probe insertion and the java agent. Exports only
 * {@code io.lowimpact.monitoring.instrument} (the agent's entry point and the offline instrumenter); everything
 * else is internal.
 */
module io.lowimpact.monitoring.instrument {
    requires transitive io.lowimpact.monitoring; // the exported package's signatures use EventSet
    requires io.lowimpact.monitoring.core;
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;
    requires org.objectweb.asm.commons;
    requires transitive java.instrument; // MonitoringAgent's premain and agentmain take an Instrumentation
    requires static jdk.attach; // only the attacher process of MonitoringAgent.install() uses it

    exports io.lowimpact.monitoring.instrument;
}

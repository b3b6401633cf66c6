/**
 * The java agent's machinery, loaded by the bootstrap class loader from the agent jar:
 * {@link io.lowimpact.monitoring.instrument.internal.agent.AgentMain} wires the
 * {@link io.lowimpact.monitoring.instrument.internal.Engine} to the JVM: the
 * {@link io.lowimpact.monitoring.instrument.internal.agent.AgentTransformer} asks it for each class's bytes at load
 * time, the {@link io.lowimpact.monitoring.instrument.internal.agent.Retransformer} retransforms loaded classes
 * when the probe kinds that tools need change, and the
 * {@link io.lowimpact.monitoring.instrument.internal.agent.ClassFilter} keeps both away from Lowimpact's own
 * classes and, by default, the JDK's. {@link io.lowimpact.monitoring.instrument.internal.agent.AgentOptions}
 * parses the option string, {@link io.lowimpact.monitoring.instrument.internal.agent.ClassDump} writes what the
 * transformer decided ({@code dump=}), {@link io.lowimpact.monitoring.instrument.internal.agent.AgentLog} says in
 * one line what failed; {@link io.lowimpact.monitoring.instrument.internal.agent.SelfAttach} and
 * {@link io.lowimpact.monitoring.instrument.internal.agent.Attacher} load the agent into a running JVM.
 *
 * <p>Nothing here is API: the package is not exported. Types are public where the premain class, the
 * attacher process or the integration tests reach them across class loaders.
 */
package io.lowimpact.monitoring.instrument.internal.agent;

/**
 * Low-impact monitoring for the JVM, after CPython's {@code sys.monitoring} (PEP 669).
 *
 * <p>A tool claims an id with {@link io.lowimpact.monitoring.Monitoring#useToolId(int, String)}, registers
 * callbacks for {@link io.lowimpact.monitoring.Event events}, switches events on globally or per
 * {@link io.lowimpact.monitoring.CodeUnit code unit}, and may return {@link io.lowimpact.monitoring.Action#DISABLE}
 * from a local event's callback to stop receiving that event at that one location until it calls
 * {@link io.lowimpact.monitoring.Tool#restartEvents()}. Events come from bytecode probes inserted by the agent
 * and from code that is not bytecode (interpreters, template engines) through {@link io.lowimpact.monitoring.Probe}.
 */
package io.lowimpact.monitoring;

/**
 * Probe insertion: rewrites a method's instructions (ASM tree API) with {@code invokedynamic} probes that link
 * to {@code io.lowimpact.monitoring.core.internal.Bootstrap}. Probes only add instructions, locals, exception
 * handlers and constant-pool entries, never fields or methods, so classes stay retransformable.
 */
package io.lowimpact.monitoring.instrument.internal.probes;

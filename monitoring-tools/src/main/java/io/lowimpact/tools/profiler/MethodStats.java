package io.lowimpact.tools.profiler;

/**
 * The figures of one method (or injected unit, or external callee) in a profile, for one thread or all of them.
 * Times are in nanoseconds of the profiler's clock.
 *
 * @param name the frame's name: {@code className.methodName} for a code unit, {@code owner.name} of the
 *        {@code CallTarget} for an external callee
 * @param descriptor the unit's or the target's descriptor
 * @param external whether the frame is a call into code that is not instrumented (the JDK, excluded classes)
 * @param count how often it was entered
 * @param inclusiveNanos time from entry to exit, its callees included; a recursive call inside another call
 *        of the same method is not counted again
 * @param selfNanos time in the method itself: inclusive time minus the time of the calls it makes into
 *        instrumented or external code
 */
public record MethodStats(String name, String descriptor, boolean external, long count, long inclusiveNanos,
        long selfNanos) {

    /** @return {@code name} followed by {@code descriptor}, and {@code " (external)"} for external callees */
    public String label() {
        return name + descriptor + (external ? " (external)" : "");
    }
}

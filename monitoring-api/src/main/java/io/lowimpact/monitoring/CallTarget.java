package io.lowimpact.monitoring;

import java.util.Objects;

/**
 * What a call calls: the owner's binary name, the member's name and descriptor, and how it is invoked.
 *
 * @param owner the class (dotted binary name, {@code "java.lang.String"}) or, for injected code, any namespace
 * @param name the method's name
 * @param descriptor the JVM method descriptor, or any signature text for injected code
 * @param kind how the call dispatches
 */
public record CallTarget(String owner, String name, String descriptor, Kind kind) {

    /** How a call dispatches: the JVM's invoke instructions, and {@link #OTHER} for injected code. */
    public enum Kind {
        /** {@code invokevirtual}. */
        VIRTUAL,
        /** {@code invokestatic}. */
        STATIC,
        /** {@code invokespecial}: constructors, private and super calls. */
        SPECIAL,
        /** {@code invokeinterface}. */
        INTERFACE,
        /** {@code invokedynamic}. */
        DYNAMIC,
        /** A call that is not a JVM invoke instruction (interpreters, template engines). */
        OTHER
    }

    /**
     * Checks that no component is null.
     *
     * @param owner the owner
     * @param name the name
     * @param descriptor the descriptor
     * @param kind the kind
     */
    public CallTarget {
        Objects.requireNonNull(owner, "owner must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(descriptor, "descriptor must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
    }

    @Override
    public String toString() {
        return owner + "." + name + descriptor;
    }
}

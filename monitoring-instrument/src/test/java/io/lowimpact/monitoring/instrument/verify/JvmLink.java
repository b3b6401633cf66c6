package io.lowimpact.monitoring.instrument.verify;

/**
 * Makes HotSpot verify classes: defines them in a fresh loader and links them.
 *
 * <p>{@code Class.forName(name, false, loader)} only loads a class; HotSpot verifies it when it links it.
 * {@link Class#getDeclaredMethods()} links first ({@code JVM_GetClassDeclaredMethods} calls {@code link_class}),
 * so it verifies every method of the class without running its static initialiser. Classes of a custom loader are
 * verified by default ({@code -XX:+BytecodeVerificationRemote}); {@code ClassCheckTest} checks that a class with a
 * bad method is caught this way.
 */
final class JvmLink {

    /** What linking a class gave. */
    enum Result {
        /** Linked: the verifier accepted every method. */
        LINKED,
        /** {@link VerifyError} or {@link ClassFormatError}: the verifier refused it. */
        REFUSED,
        /** Another {@link LinkageError}: a class it refers to is missing here; not verified. */
        UNRESOLVED
    }

    private JvmLink() {
    }

    /** Loads and links one class of the loader; {@code detail} gets the error's text. */
    static Result link(ClassLoader loader, String className, StringBuilder detail) {
        try {
            Class.forName(className, false, loader).getDeclaredMethods();
            return Result.LINKED;
        } catch (VerifyError | ClassFormatError e) {
            detail.append(e);
            return Result.REFUSED;
        } catch (LinkageError | ClassNotFoundException | TypeNotPresentException | SecurityException e) {
            detail.append(e);
            return Result.UNRESOLVED;
        }
    }
}

package io.lowimpact.monitoring;

/**
 * Receives what goes wrong in a tool's callbacks: an exception a callback threw, or a misuse such as
 * returning {@link Action#DISABLE} from a global event. Set with {@link Tool#onError(ErrorHandler)}.
 *
 * <p>The default handler logs one warning per tool and event through {@link System.Logger} (logger
 * {@code "io.lowimpact.monitoring"}) and then only counts ({@link Tool#errorCount()}). A handler must not
 * throw; if it does, that exception is dropped.
 */
@FunctionalInterface
public interface ErrorHandler {
    /**
     * Handles one error.
     *
     * @param event the event being delivered
     * @param code the code unit where it was fired
     * @param error what the callback threw, or an {@link IllegalStateException} describing the misuse
     */
    void onError(Event<?> event, CodeUnit code, Throwable error);
}

package io.lowimpact.coverage;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The coverage recording of one test ({@code @RegisterExtension}): the test {@link #start}s it, and it is stopped after
 * the test unless the test stopped it, so that the next test can record.
 */
public final class Recording implements AfterEachCallback {

    private Coverage coverage;

    /** @return the running recording, started with {@code options} */
    public Coverage start(CoverageOptions options) {
        coverage = Coverage.start(options);
        return coverage;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Coverage.running().filter(c -> c == coverage).ifPresent(Coverage::stop);
    }
}

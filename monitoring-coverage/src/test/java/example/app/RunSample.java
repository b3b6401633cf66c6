package example.app;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** Runs {@link ShopSample} through JUnit Platform, as a build tool would; exits 1 if a test fails. */
public final class RunSample {

    private RunSample() {
    }

    public static void main(String[] args) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ShopSample.class)).build(), summary);
        System.out.println("tests succeeded: " + summary.getSummary().getTestsSucceededCount());
        System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
    }
}

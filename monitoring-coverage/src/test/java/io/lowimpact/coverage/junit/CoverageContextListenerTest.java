package io.lowimpact.coverage.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.lowimpact.coverage.Coverage;
import io.lowimpact.coverage.CoverageData;
import io.lowimpact.coverage.CoverageOptions;
import io.lowimpact.coverage.Recording;
import io.lowimpact.coverage.Targets;
import io.lowimpact.coverage.internal.data.MethodRecord;
import io.lowimpact.coverage.internal.data.Probe;
import example.targets.Basics;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class CoverageContextListenerTest {

    @RegisterExtension
    final Recording recording = new Recording();

    @Test
    void switchContextsPerTestThroughTheServiceRegistration() {
        Coverage coverage = recording.start(CoverageOptions.defaults().withContexts(true));
        ContextSample.target = Targets.load(Basics.class);
        long failures = launch();
        assertEquals(0, failures);

        CoverageData data = coverage.snapshot();
        String sample = ContextSample.class.getName();
        assertEquals(List.of(sample + "#negative()", sample + "#loop()", sample + "#parameterised(int)[1]",
                sample + "#parameterised(int)[2]"), data.contexts());
        MethodRecord classify = Probe.method(data, Basics.class.getName(), "classify");
        assertEquals("{10=[negative, loop, parameterised[1], parameterised[2]], 11=[negative, parameterised[2]],"
                + " 13=[loop, parameterised[1]], 14=[loop, parameterised[1]], 15=[loop], 17=[loop, parameterised[1]]}",
                Probe.lineContexts(data, classify, sample + "#", "(int)", "()"));
    }

    @Test
    void doNothingWithoutContexts() {
        Coverage coverage = recording.start(CoverageOptions.defaults());
        ContextSample.target = Targets.load(Basics.class);
        assertEquals(0, launch());
        assertEquals(List.of(), coverage.snapshot().contexts());
    }

    @Test
    void doNothingWithoutARecording() {
        ContextSample.target = Targets.load(Basics.class);
        assertEquals(0, launch());
    }

    private static long launch() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ContextSample.class)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        assertEquals(4, summary.getSummary().getTestsSucceededCount());
        return summary.getSummary().getTotalFailureCount();
    }
}

package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.corpus.targets.MixedReceivers;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * EXTERNAL_RETURN of a virtual call follows the receiver's class at every call, when one call site meets an
 * instrumented override and more JDK classes than the site keeps answers for (its last answer and a table by class).
 */
class ExternalReceiversTest extends CorpusTest {

    @Test
    void s20_oneCallSiteAlternatesBetweenInstrumentedAndExternalReceivers() {
        List<String> toStrings = run(EventSet.of(Event.CALL, Event.EXTERNAL_RETURN, Event.METHOD_START),
                MixedReceivers.class, "describe").stream()
                .filter(line -> line.contains("toString") || line.equals("METHOD_START MixedReceivers$Named.toString"))
                .collect(Collectors.toList());
        assertEquals(List.of(
                "CALL 156 java.lang.Object.toString arg0=MixedReceivers$Named",
                "METHOD_START MixedReceivers$Named.toString",
                "CALL 156 java.lang.Object.toString arg0=1",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=1",
                "CALL 156 java.lang.Object.toString arg0=MixedReceivers$Named",
                "METHOD_START MixedReceivers$Named.toString",
                "CALL 156 java.lang.Object.toString arg0=s",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=s",
                "CALL 156 java.lang.Object.toString arg0=2",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=2",
                "CALL 156 java.lang.Object.toString arg0=3.0",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=3.0",
                "CALL 156 java.lang.Object.toString arg0=c",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=c",
                "CALL 156 java.lang.Object.toString arg0=true",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=true",
                "CALL 156 java.lang.Object.toString arg0=4",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=4",
                "CALL 156 java.lang.Object.toString arg0=5",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=5",
                "CALL 156 java.lang.Object.toString arg0=6.0",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=6.0",
                "CALL 156 java.lang.Object.toString arg0=StringBuilder",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=StringBuilder",
                "CALL 156 java.lang.Object.toString arg0=MixedReceivers$Named",
                "METHOD_START MixedReceivers$Named.toString",
                "CALL 156 java.lang.Object.toString arg0=7",
                "EXTERNAL_RETURN 156 java.lang.Object.toString arg0=7"), toStrings);
    }
}

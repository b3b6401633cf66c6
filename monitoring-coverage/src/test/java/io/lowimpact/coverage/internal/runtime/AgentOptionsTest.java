package io.lowimpact.coverage.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void haveDefaults() {
        assertEquals(new AgentOptions(Path.of("lowimpact.cov"), false, false), AgentOptions.parse(null));
        assertEquals(new AgentOptions(Path.of("lowimpact.cov"), false, false), AgentOptions.parse(" "));
    }

    @Test
    void parseEveryOption() {
        assertEquals(new AgentOptions(Path.of("target/x.cov"), true, true),
                AgentOptions.parse("out=target/x.cov, contexts=true,counts=TRUE"));
    }

    @Test
    void refuseBadOptions() {
        assertMessage("unknown coverage agent option 'outt' (known: out, contexts, counts)", "outt=x");
        assertMessage("invalid coverage agent option 'contexts' (must be key=value; known keys: out, contexts, counts)",
                "contexts");
        assertMessage("coverage agent option 'counts' given twice", "counts=true,counts=false");
        assertMessage("invalid value 'yes' for coverage agent option 'contexts' (must be true or false)", "contexts=yes");
        assertMessage("coverage agent option 'out' needs a file name", "out=");
    }

    private static void assertMessage(String message, String options) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(options))
                .getMessage());
    }
}

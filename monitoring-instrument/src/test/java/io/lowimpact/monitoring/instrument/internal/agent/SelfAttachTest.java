package io.lowimpact.monitoring.instrument.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SelfAttachTest {

    @Test
    void attacherIsNamedRight() {
        assertEquals(Attacher.class.getName(), SelfAttach.ATTACHER);
    }

    @Test
    void javaLauncherIsThisJvms() {
        Path java = Path.of(SelfAttach.javaLauncher());
        assertTrue(Files.isExecutable(java), java::toString);
        assertTrue(java.startsWith(Path.of(System.getProperty("java.home"))), java::toString);
    }
}

package io.lowimpact.monitoring.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one list of the JDK's packages that the core, the agent's filter, the engine and the offline API share. */
class JdkPackagesTest {

    @Test
    void theJdkPackagesInBinaryAndInternalNames() {
        assertEquals(List.of("java.", "javax.", "jdk.", "sun.", "com.sun."), JdkPackages.ROOTS);
        for (String name : new String[] {"java.lang.String", "java/util/ArrayList", "javax.net.ssl.SSLContext",
                "jdk/internal/misc/Unsafe", "sun.misc.Signal", "com/sun/proxy/$Proxy1", "com.sun.net.httpserver.X"}) {
            assertTrue(JdkPackages.contains(name), name);
        }
    }

    @Test
    void lookalikesAreNotTheJdk() {
        for (String name : new String[] {"javafx.scene.Node", "javaagent/Main", "jdkx.Foo", "sunny.Day",
                "com.sunny.Day", "com/acme/java/Util", "java", "Main", ""}) {
            assertFalse(JdkPackages.contains(name), name);
        }
    }

    @Test
    void rootNamesTheEntryANameLiesIn() {
        assertEquals("com.sun.", JdkPackages.root("com/sun/tools/javac/Main"));
        assertEquals("java.", JdkPackages.root("java.util."));
        assertNull(JdkPackages.root("com.acme.Foo"));
    }

    @Test
    void startsWithReadsSlashesAsDots() {
        assertTrue(JdkPackages.startsWith("com/acme/Foo", "com.acme."));
        assertTrue(JdkPackages.startsWith("com.acme.Foo", "com.acme."));
        assertFalse(JdkPackages.startsWith("com.acme", "com.acme."));
        assertFalse(JdkPackages.startsWith("com/acmeX/Foo", "com.acme."));
    }
}

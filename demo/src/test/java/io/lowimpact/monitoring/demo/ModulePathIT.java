package io.lowimpact.monitoring.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The API and the core as named modules: an application module that requires {@code io.lowimpact.monitoring}
 * finds the core through {@code uses}/{@code provides} on the module path and receives injected events.
 */
class ModulePathIT {

    @Test
    void anApplicationModuleBindsToTheCoreOnTheModulePath() throws IOException, InterruptedException, URISyntaxException {
        String modulePath = System.getProperty("lowimpact.api.jar") + File.pathSeparator
                + System.getProperty("lowimpact.core.jar");
        Path sources = Path.of(ModulePathIT.class.getResource("/jpms").toURI());
        Path out = Files.createTempDirectory("jpms");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-p", modulePath, "-d", out.toString(),
                "--module-source-path", sources.toString(), "-m", "app");
        assertEquals(0, compiled, "the application module compiles against the API module");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-p", modulePath + File.pathSeparator + out, "-m", "app/app.Main")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals("LINE 1" + System.lineSeparator(), output);
        assertEquals(0, process.exitValue());
    }
}

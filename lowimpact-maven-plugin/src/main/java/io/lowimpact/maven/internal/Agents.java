package io.lowimpact.maven.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The two agent jars embedded in the plugin, extracted into a project's build directory. */
public final class Agents {

    /** The monitoring agent's file name. */
    public static final String MONITORING = "monitoring-agent.jar";
    /** The coverage agent's file name. */
    public static final String COVERAGE = "lowimpact-coverage-agent.jar";

    private Agents() {
    }

    /**
     * Extracts an agent jar into {@code dir} (replacing an older copy) and returns its path.
     *
     * @param name {@link #MONITORING} or {@link #COVERAGE}
     * @param dir the directory
     * @return the jar's path
     * @throws IOException if the jar is missing from the plugin or cannot be written
     */
    public static Path extract(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        try (InputStream in = Agents.class.getResourceAsStream("/io/lowimpact/maven/agents/" + name)) {
            if (in == null) {
                throw new IOException("the plugin jar has no " + name + " (it was built without the agents)");
            }
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}

package io.lowimpact.maven;

import io.lowimpact.maven.internal.Agents;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Puts both agents into a property that Surefire and Failsafe read ({@code argLine} by default), after whatever it
 * held: {@code -javaagent:monitoring-agent.jar=include=<includes> -javaagent:lowimpact-coverage-agent.jar=out=<destFile>,
 * contexts=<contexts>,counts=<counts>}. The agent jars are extracted from the plugin into
 * {@code target/lowimpact-agents}.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends LowimpactMojo {

    /** The classes to measure: the monitoring agent's include globs; by default the project's group id's. */
    @Parameter(property = "lowimpact.includes")
    private String includes;

    /** The data file; several test JVMs may write it, their data is merged. */
    @Parameter(property = "lowimpact.destFile", defaultValue = "${project.build.directory}/lowimpact.cov")
    private File destFile;

    /** Record which test reached each line. */
    @Parameter(property = "lowimpact.contexts", defaultValue = "true")
    private boolean contexts;

    /** Count every hit instead of stopping after the first. */
    @Parameter(property = "lowimpact.counts", defaultValue = "false")
    private boolean counts;

    /** The property to append the agents to. */
    @Parameter(property = "lowimpact.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** Called by Maven. */
    public PrepareAgentMojo() {
    }

    @Override
    void run(MavenProject project) throws MojoExecutionException {
        try {
            Path dir = Path.of(project.getBuild().getDirectory(), "lowimpact-agents");
            Path monitoring = Agents.extract(Agents.MONITORING, dir);
            Path coverage = Agents.extract(Agents.COVERAGE, dir);
            String include = includes != null && !includes.isBlank() ? includes : project.getGroupId() + ".**";
            String agents = "-javaagent:" + monitoring + "=include=" + include + " -javaagent:" + coverage + "=out="
                    + destFile.getAbsolutePath() + ",contexts=" + contexts + ",counts=" + counts;
            String previous = project.getProperties().getProperty(propertyName);
            String value = previous == null || previous.isBlank() ? agents : previous + " " + agents;
            project.getProperties().setProperty(propertyName, value);
            getLog().info("lowimpact: " + propertyName + " set to " + value);
        } catch (IOException e) {
            throw new MojoExecutionException("lowimpact: cannot extract the agents: " + e.getMessage(), e);
        }
    }
}

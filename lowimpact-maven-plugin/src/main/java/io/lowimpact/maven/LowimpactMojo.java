package io.lowimpact.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals that work on the project share: the project, and {@code skip}. */
abstract class LowimpactMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Do nothing. */
    @Parameter(property = "lowimpact.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("lowimpact: skipped");
            return;
        }
        run(project);
    }

    /**
     * The goal's work, unless skipped.
     *
     * @param project the project the goal runs on
     * @throws MojoExecutionException when the goal fails
     */
    abstract void run(MavenProject project) throws MojoExecutionException;
}

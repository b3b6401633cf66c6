package io.lowimpact.maven;

import io.lowimpact.coverage.CoverageData;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Merges data files into one (counts add up, contexts by name, class versions apart). */
@Mojo(name = "merge", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class MergeMojo extends AbstractMojo {

    /** The data files to merge; a missing one is an error. */
    @Parameter(required = true)
    private List<File> dataFiles;

    /** The merged file. */
    @Parameter(property = "lowimpact.destFile", defaultValue = "${project.build.directory}/lowimpact-merged.cov")
    private File destFile;

    /** Called by Maven. */
    public MergeMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException {
        List<CoverageData> parts = new ArrayList<>();
        try {
            for (File f : dataFiles) {
                parts.add(CoverageData.read(f.toPath()));
            }
            CoverageData.merge(parts).write(destFile.toPath());
            getLog().info("lowimpact: merged " + parts.size() + " data files into " + destFile);
        } catch (IOException e) {
            throw new MojoExecutionException("lowimpact: " + e.getMessage(), e);
        }
    }
}

package io.lowimpact.maven;

import io.lowimpact.coverage.CoverageData;
import io.lowimpact.coverage.Report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes the coverage reports of the project's classes from the data file: {@code index.html} and a page per source
 * file, {@code lowimpact.xml} (JaCoCo's format) and {@code lcov.info}, into {@code target/site/lowimpact}. Problems
 * (class files changed since recording) are logged as warnings.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportMojo extends LowimpactMojo {

    /** The data file. */
    @Parameter(property = "lowimpact.dataFile", defaultValue = "${project.build.directory}/lowimpact.cov")
    private File dataFile;

    /** Where the reports go. */
    @Parameter(property = "lowimpact.outputDirectory", defaultValue = "${project.reporting.outputDirectory}/lowimpact")
    private File outputDirectory;

    /** Called by Maven. */
    public ReportMojo() {
    }

    @Override
    void run(MavenProject project) throws MojoExecutionException {
        Path data = dataFile.toPath();
        if (!Files.exists(data)) {
            getLog().info("lowimpact: no data file " + data + ", no report");
            return;
        }
        List<Path> classes = new ArrayList<>();
        Path output = Path.of(project.getBuild().getOutputDirectory());
        if (Files.isDirectory(output)) {
            classes.add(output);
        }
        List<Path> sources = new ArrayList<>();
        for (String root : project.getCompileSourceRoots()) {
            sources.add(Path.of(root));
        }
        try {
            Report report = Report.create(project.getName(), CoverageData.read(data), classes, sources);
            for (String problem : report.problems()) {
                getLog().warn("lowimpact: " + problem);
            }
            Path dir = outputDirectory.toPath();
            report.writeHtml(dir);
            report.writeXml(dir.resolve("lowimpact.xml"));
            report.writeLcov(dir.resolve("lcov.info"));
            getLog().info("lowimpact: reports in " + dir);
        } catch (IOException e) {
            throw new MojoExecutionException("lowimpact: " + e.getMessage(), e);
        }
    }
}

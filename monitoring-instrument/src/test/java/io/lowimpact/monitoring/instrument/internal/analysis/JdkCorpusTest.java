package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The running JDK's own classes as a corpus: every class of a few modules analyses without exception, keeps the
 * {@link Invariants} and agrees with a plain ASM tree pass; every class of a few packages agrees exactly with javap.
 */
class JdkCorpusTest {

    private static final FileSystem JRT = FileSystems.getFileSystem(URI.create("jrt:/"));
    private static final int MAX_REPORTED = 20;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java.base", "java.xml", "jdk.compiler"})
    void analyseEveryClassOfTheModule(String module) {
        List<Path> classFiles = classFiles(JRT.getPath("/modules", module), true);
        List<String> failures = new ArrayList<>();
        int methods = 0;
        for (Path classFile : classFiles) {
            try {
                byte[] bytes = Files.readAllBytes(classFile);
                ClassAnalysis analysis = ClassAnalyzer.analyze(bytes);
                Invariants.assertHold(analysis);
                AsmTreeAgreement.assertAgrees(bytes, analysis);
                methods += analysis.methods().size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException | AssertionError e) {
                failures.add(classFile + ": " + e);
            }
        }
        int methodCount = methods;
        assertTrue(classFiles.size() > 50 && methods > 500,
                () -> module + ": " + classFiles.size() + " classes, " + methodCount + " methods");
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), MAX_REPORTED)),
                () -> failures.size() + " of " + classFiles.size() + " classes of " + module + " fail");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java/util", "java/lang/invoke"})
    void agreeWithJavapOnEveryClassOfThePackage(String packagePath) {
        List<Path> classFiles = classFiles(JRT.getPath("/modules/java.base", packagePath), false);
        List<String> failures = new ArrayList<>();
        for (Path classFile : classFiles) {
            String name = classFile.toString().substring("/modules/java.base/".length()).replace(".class", "")
                    .replace('/', '.');
            try {
                ClassAnalysis analysis = ClassAnalyzer.analyze(Files.readAllBytes(classFile));
                JavapAgreement.assertAgrees(analysis, Javap.listing(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException | AssertionError e) {
                failures.add(name + ": " + e);
            }
        }
        assertTrue(classFiles.size() > 50, () -> packagePath + ": " + classFiles.size() + " classes");
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), MAX_REPORTED)),
                () -> failures.size() + " of " + classFiles.size() + " classes of " + packagePath + " disagree");
    }

    private static List<Path> classFiles(Path dir, boolean recursive) {
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every target class, analysed, agrees exactly with what {@code javap -c -l -p -s} prints for it. */
class ClassAnalyzerJavapTest {

    static List<Path> targets() {
        List<Path> files = TargetClasses.classFiles();
        assertTrue(files.size() >= 13, () -> "too few target classes: " + files);
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void agreeWithJavap(Path classFile) throws IOException {
        ClassAnalysis analysis = ClassAnalyzer.analyze(Files.readAllBytes(classFile));
        JavapAgreement.assertAgrees(analysis, Javap.listing(classFile.toString()));
        Invariants.assertHold(analysis);
    }
}

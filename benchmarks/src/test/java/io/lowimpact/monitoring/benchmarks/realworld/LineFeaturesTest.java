package io.lowimpact.monitoring.benchmarks.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.benchmarks.realworld.LineFeatures.Feature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineFeaturesTest {

    private static final String CLASS = "io/lowimpact/monitoring/benchmarks/realworld/FeatureSample";

    @Test
    void eachMarkedLineOfTheSampleHasTheFeaturesItsCommentNames(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("sample.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(CLASS + ".class"));
            try (var in = FeatureSample.class.getResourceAsStream("FeatureSample.class")) {
                in.transferTo(out);
            }
        }
        LineFeatures features = LineFeatures.of(jar);
        List<String> source = Files.readAllLines(Path.of("src/test/java", CLASS + ".java"));
        int checked = 0;
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i);
            int comment = line.indexOf("// ");
            if (comment < 0 || line.trim().startsWith("//")) {
                continue;
            }
            Set<Feature> expected = EnumSet.noneOf(Feature.class);
            for (String word : line.substring(comment + 3).trim().split(" ")) {
                if (!word.equals("none")) {
                    expected.add(Feature.valueOf(word));
                }
            }
            String key = CLASS.substring(0, CLASS.lastIndexOf('/')) + "/FeatureSample.java:" + (i + 1);
            assertEquals(expected, features.of(key), key + ": " + line.trim());
            checked++;
        }
        assertEquals(6, checked);
    }
}

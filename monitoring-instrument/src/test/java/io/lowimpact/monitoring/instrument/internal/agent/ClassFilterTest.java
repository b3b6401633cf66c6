package io.lowimpact.monitoring.instrument.internal.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassFilterTest {

    private static ClassFilter filter(String options) {
        return ClassFilter.of(AgentOptions.parse(options));
    }

    @Test
    void s41_neverOwnClassesNorRelocatedAsmNorNamelessOnes() {
        ClassFilter all = filter("include=**:io.lowimpact.**");
        assertFalse(all.accepts("io/lowimpact/monitoring/Monitoring"));
        assertFalse(all.accepts("io.lowimpact.monitoring.core.internal.Bootstrap"));
        assertFalse(all.accepts("io/lowimpact/monitoring/instrument/internal/asm/ClassReader"));
        assertFalse(all.accepts("io/lowimpact/monitoring/instrument/it/AgentIT"));
        assertFalse(all.accepts(null));
        assertFalse(all.accepts(""));
        assertTrue(all.accepts("io/lowimpact/other/Thing"));
        assertTrue(all.accepts("org/objectweb/asm/ClassReader"), "the application's own ASM is instrumented");
    }

    @Test
    void byDefaultEverythingButTheJdk() {
        ClassFilter f = filter("");
        assertTrue(f.accepts("com/acme/Foo"));
        assertTrue(f.accepts("Main"));
        assertTrue(f.accepts("javafx/Foo"), "javafx is not a default-excluded root");
        assertTrue(f.accepts("sunny/Day"));
        for (String jdk : new String[] {"java/lang/String", "javax/net/SocketFactory", "jdk/internal/misc/Unsafe",
                "sun/misc/Signal", "com/sun/proxy/$Proxy1", "java.util.ArrayList"}) {
            assertFalse(f.accepts(jdk), jdk);
        }
    }

    @Test
    void singleStarStaysInOnePackage() {
        ClassFilter f = filter("include=com.acme.*");
        assertTrue(f.accepts("com/acme/Foo"));
        assertTrue(f.accepts("com.acme.Foo$Inner"));
        assertFalse(f.accepts("com/acme/sub/Foo"));
        assertFalse(f.accepts("com/acmex/Foo"));
        assertFalse(f.accepts("org/acme/Foo"));
    }

    @Test
    void doubleStarCrossesPackages() {
        ClassFilter f = filter("include=com.acme.**");
        assertTrue(f.accepts("com/acme/Foo"));
        assertTrue(f.accepts("com/acme/a/b/Foo$1"));
        assertFalse(f.accepts("com/acmex/Foo"));
    }

    @Test
    void questionMarkIsOneCharacterOfAName() {
        ClassFilter f = filter("include=a.B?");
        assertTrue(f.accepts("a/Bx"));
        assertFalse(f.accepts("a/B"));
        assertFalse(f.accepts("a/Bxy"));
        assertFalse(f.accepts("a/B/x"));
    }

    @Test
    void globWithoutWildcardIsOneClassAndDollarIsLiteral() {
        ClassFilter f = filter("include=com.acme.Foo:com.acme.Bar$Inner");
        assertTrue(f.accepts("com/acme/Foo"));
        assertFalse(f.accepts("com/acme/Foo$Inner"));
        assertFalse(f.accepts("com/acme/FooBar"));
        assertTrue(f.accepts("com/acme/Bar$Inner"));
        assertFalse(f.accepts("com/acme/BarXInner"));
    }

    @Test
    void slashesInGlobsAreSeparatorsToo() {
        ClassFilter f = filter("include=com/acme/*");
        assertTrue(f.accepts("com.acme.Foo"));
        assertTrue(f.accepts("com/acme/Foo"));
    }

    @Test
    void excludeWinsOverInclude() {
        ClassFilter f = filter("include=com.acme.**,exclude=com.acme.generated.**:com.acme.*Test");
        assertTrue(f.accepts("com/acme/Foo"));
        assertFalse(f.accepts("com/acme/generated/Foo"));
        assertFalse(f.accepts("com/acme/FooTest"));
        assertTrue(f.accepts("com/acme/sub/FooTest"));
    }

    @Test
    void excludeWithoutIncludeKeepsTheRest() {
        ClassFilter f = filter("exclude=org.slf4j.**");
        assertFalse(f.accepts("org/slf4j/Logger"));
        assertTrue(f.accepts("org/apache/Foo"));
        assertFalse(f.accepts("java/lang/Object"));
    }

    @Test
    void includeThatNamesAJdkPackageLiftsItsDefaultExclusion() {
        ClassFilter f = filter("include=java.util.**:com.sun.net.*");
        assertTrue(f.accepts("java/util/ArrayList"));
        assertTrue(f.accepts("com/sun/net/Foo"));
        assertFalse(f.accepts("java/lang/String"));
    }

    @Test
    void includeThatMatchesEverythingDoesNotReachTheJdk() {
        ClassFilter f = filter("include=**:*.util.**:j*.**");
        assertTrue(f.accepts("com/acme/util/Foo"));
        assertFalse(f.accepts("java/util/ArrayList"));
        assertFalse(f.accepts("jdk/internal/Foo"));
        assertTrue(f.accepts("javafx/Foo"));
    }

    @Test
    void excludeStillAppliesInsideALiftedJdkPackage() {
        ClassFilter f = filter("include=java.util.**,exclude=java.util.concurrent.**");
        assertTrue(f.accepts("java/util/HashMap"));
        assertFalse(f.accepts("java/util/concurrent/ConcurrentHashMap"));
    }
}

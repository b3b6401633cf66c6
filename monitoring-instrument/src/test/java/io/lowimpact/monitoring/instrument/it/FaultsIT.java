package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * design.md R3 under the agent ({@code programs/faults}): callbacks on every event of {@code app.Work} that throw,
 * block, recurse into instrumented code, allocate, run out of memory or free their own tool; classes loaded from
 * many threads while the events change; a {@link StackOverflowError} in instrumented recursion; JaCoCo's agent
 * before and after ours. The application prints the same as without the agent, and the JVM exits normally.
 */
class FaultsIT {

    private static final Pattern SEEN = Pattern.compile("events (\\d+) errors (\\S+) reentered (\\w+)");

    @TempDir
    static Path tmp;

    private static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = Programs.compile("faults", tmp.resolve("classes"));
    }

    /** Runs the program in a fault with and without the agent; returns the agent run's tool line. */
    private static Matcher run(String fault, String... extraVmArgs) throws Exception {
        List<String> base = new ArrayList<>(List.of("-Xmx256m", "-cp", Programs.AGENT_JAR + File.pathSeparator
                + classes, "Main", fault, classes.toString()));
        ChildJvm.Result without = Programs.java(tmp, base.toArray(new String[0])).assertSuccess();
        List<String> agent = new ArrayList<>(List.of(extraVmArgs));
        agent.add("-javaagent:" + Programs.AGENT_JAR + "=include=app.**");
        agent.addAll(base);
        ChildJvm.Result with = Programs.java(tmp, agent.toArray(new String[0]));
        assertEquals(0, with.exitCode, with::toString);
        assertEquals(without.out, with.out, with::toString);
        Matcher seen = SEEN.matcher(with.err);
        assertTrue(seen.find(), with::toString);
        assertTrue(Long.parseLong(seen.group(1)) > 0, with::toString);
        assertEquals("false", seen.group(3), () -> "a callback was re-entered\n" + with);
        return seen;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "block", "recurse", "allocate", "concurrent"})
    void r3_callbacksThatMisbehaveLeaveTheApplicationAlone(String fault) throws Exception {
        Matcher seen = run(fault);
        assertEquals("0", seen.group(2), seen.group());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"throw", "error"})
    void r3_callbacksThatThrowAreCountedAndTheApplicationGoesOn(String fault) throws Exception {
        Matcher seen = run(fault);
        assertEquals(seen.group(1), seen.group(2), "every delivery failed, every failure counted");
    }

    /**
     * The application sees its StackOverflowError as without the agent. (One that the JVM raises inside a callback,
     * when the stack runs out there, is that tool's error: counted, not delivered to the application.)
     */
    @Test
    void r3_stackOverflowInInstrumentedRecursionReachesTheApplication() throws Exception {
        run("stackoverflow");
    }

    @Test
    void r3_aToolThatFreesItselfFromACallbackGetsNothingMore() throws Exception {
        Matcher seen = run("free");
        assertEquals("500", seen.group(1), seen.group());
    }

    @Test
    void r3_outOfMemoryInACallback() throws Exception {
        run("oom");
    }

    @Test
    void r3_jacocoBeforeAndAfterOurAgent() throws Exception {
        String jacoco = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (new File(entry).getName().startsWith("org.jacoco.agent-")) {
                jacoco = entry;
            }
        }
        assertNotNull(jacoco, "org.jacoco.agent:runtime is a test dependency");
        for (String order : new String[] {"before", "after"}) {
            Path exec = tmp.resolve("jacoco-" + order + ".exec");
            // (With includes=app.* JaCoCo 0.8.15 wrote no class of app here, agent or not: it takes its defaults.)
            String jacocoAgent = "-javaagent:" + jacoco + "=destfile=" + exec;
            List<String> vmArgs = new ArrayList<>();
            if (order.equals("before")) {
                vmArgs.add(jacocoAgent);
            }
            // run() puts our agent last; "after" means JaCoCo's follows it, which needs the full command here.
            if (order.equals("after")) {
                ChildJvm.Result without = Programs.java(tmp, "-cp", Programs.AGENT_JAR + File.pathSeparator + classes,
                        "Main", "none").assertSuccess();
                ChildJvm.Result with = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR + "=include=app.**",
                        jacocoAgent, "-cp", Programs.AGENT_JAR + File.pathSeparator + classes, "Main", "none")
                        .assertSuccess();
                assertEquals(without.out, with.out, with::toString);
                Matcher seen = SEEN.matcher(with.err);
                assertTrue(seen.find() && Long.parseLong(seen.group(1)) > 0, with::toString);
            } else {
                run("none", vmArgs.toArray(new String[0]));
            }
            String data = new String(Files.readAllBytes(exec), StandardCharsets.ISO_8859_1);
            assertTrue(data.contains("app/Work"), "JaCoCo saw app.Work " + order + " our agent");
        }
    }
}

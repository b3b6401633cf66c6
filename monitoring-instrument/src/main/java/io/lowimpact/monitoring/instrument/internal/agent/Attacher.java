package io.lowimpact.monitoring.instrument.internal.agent;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;

/**
 * The main class of the child JVM that {@link SelfAttach} starts: loads the agent jar into the JVM with the
 * given pid through the attach API. Prints one line on failure and exits with status 1 (2 for bad arguments).
 * Never loaded in the JVM being instrumented.
 */
public final class Attacher {

    private Attacher() {
    }

    /**
     * Attaches.
     *
     * @param args the target pid, the agent jar's path, and optionally the agent options
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java -cp monitoring-agent.jar " + Attacher.class.getName()
                    + " <pid> <agent jar> [options]");
            System.exit(2);
        }
        String failure;
        try {
            VirtualMachine vm = VirtualMachine.attach(args[0]);
            try {
                vm.loadAgent(args[1], args.length == 3 ? args[2] : null);
            } finally {
                vm.detach();
            }
            return;
        } catch (AgentInitializationException e) {
            failure = "the agent's agentmain failed in process " + args[0] + " (" + e.getMessage() + ")";
        } catch (AgentLoadException e) {
            failure = "process " + args[0] + " cannot load " + args[1] + ": " + e.getMessage();
        } catch (AttachNotSupportedException | IOException e) {
            failure = "cannot attach to process " + args[0] + ": " + e
                    + " (was it started with -XX:+DisableAttachMechanism?)";
        }
        System.err.println(failure);
        System.exit(1);
    }
}

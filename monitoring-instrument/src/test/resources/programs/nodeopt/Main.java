import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tool counts LINE events of {@link Work#step} while it runs hot (compiled by C2), then switches its callback to
 * DISABLE: every location of the compiled method is disabled while it runs. Prints how many LINE events came before
 * and after, and the checksum, so that the test knows the program ran as it should.
 */
public class Main {

    static volatile boolean disable;
    static final AtomicInteger counted = new AtomicInteger();
    static final AtomicInteger disabled = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Tool tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "nodeopt");
        tool.registerCallback(Event.LINE, (code, line) -> {
            if (!code.className().equals("Work")) {
                return Action.CONTINUE;
            }
            if (disable) {
                disabled.incrementAndGet();
                return Action.DISABLE;
            }
            counted.incrementAndGet();
            return Action.CONTINUE;
        });
        tool.setEvents(EventSet.of(Event.LINE));
        long sum = 0;
        for (int i = 0; i < 400_000; i++) {
            sum += Work.step(i);
        }
        Thread.sleep(500); // let the compiler finish its work on step
        System.out.println("phase: disable");
        disable = true;
        for (int i = 0; i < 400_000; i++) {
            sum += Work.step(i);
        }
        System.out.println("counted " + (counted.get() > 0) + ", disabled " + disabled.get() + ", sum " + sum);
        tool.close();
    }
}

/** The hot loop. HotLoopIT asserts its line numbers: keep them where they are. */
public class Loop {
    static volatile boolean stop;
    static volatile int running;
    static volatile long counter;

    public static void spin(int invocation) {
        running = invocation;
        while (!stop) {
            counter++;
        }
        running = 0;
    }
}

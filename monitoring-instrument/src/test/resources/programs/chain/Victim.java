/** The class that a failing engine cannot instrument: it must load and run unchanged. */
public class Victim {
    public int answer() {
        return 42;
    }
}

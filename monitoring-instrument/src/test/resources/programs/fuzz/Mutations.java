import java.util.Arrays;
import java.util.Random;

/** Seeded mutations of class files: truncation, flipped bytes, runs of garbage, removed and repeated slices. */
public final class Mutations {

    private Mutations() {
    }

    public static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        switch (random.nextInt(6)) {
            case 0:
                return Arrays.copyOf(b, random.nextInt(b.length));
            case 1:
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            case 2:
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    b[8 + random.nextInt(b.length - 8)] = (byte) random.nextInt(256);
                }
                return b;
            case 3: {
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(16));
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                return out;
            }
            case 4: {
                int from = random.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + random.nextInt(16));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, from + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                return out;
            }
            default: {
                // A u2 count or index somewhere after the header set to an extreme value.
                int at = 8 + random.nextInt(b.length - 9);
                int value = random.nextBoolean() ? 0xffff : 0;
                b[at] = (byte) (value >> 8);
                b[at + 1] = (byte) value;
                return b;
            }
        }
    }
}

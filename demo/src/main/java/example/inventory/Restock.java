package example.inventory;

/** How much to order of an item: enough whole packs to bring its count up to a target. */
public final class Restock {

    private final int packSize;

    /**
     * @param packSize items per pack, at least 1
     * @throws IllegalArgumentException if {@code packSize} is less than 1
     */
    public Restock(int packSize) {
        if (packSize < 1) {
            throw new IllegalArgumentException("pack size must be at least 1, not " + packSize);
        }
        this.packSize = packSize;
    }

    /**
     * @param count the items there are
     * @param target the items there should be
     * @return the packs to order, 0 if there are enough
     */
    public int packs(int count, int target) {
        if (count >= target) {
            return 0;
        }
        int missing = target - count;
        return (missing + packSize - 1) / packSize;
    }
}

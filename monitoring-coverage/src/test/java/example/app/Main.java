package example.app;

/** Sells twice, once too much; never restocks. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Shop shop = new Shop(3);
        System.out.println("sold: " + shop.sell(2) + " " + shop.sell(5));
    }
}

package example.app;

/** The program the agent ITs run; the ITs know its line numbers. */
public final class Shop {

    private int stock;

    public Shop(int stock) {
        this.stock = stock;                          // line 9
    }

    public boolean sell(int n) {
        if (n <= 0 || n > stock) {                   // line 13
            return false;                            // line 14
        }
        stock -= n;                                  // line 16
        return true;                                 // line 17
    }

    public int restock(int n) {
        stock += n;                                  // line 21
        return stock;                                // line 22
    }
}

package example.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import example.inventory.Inventory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample application's tests, run by the main job under the coverage tool (they leave some code missed). */
class InventoryTest {

    @Test
    void loadSkipsCommentsAndCountsMalformedLines() {
        Inventory inventory = new Inventory();
        assertEquals(1, inventory.load(List.of("# stock", "apples=3", "plums", "figs=x")));
    }

    @Test
    void reorderListsTheItemsBelowTheThreshold() {
        Inventory inventory = new Inventory();
        inventory.load(List.of("apples=3", "pears=12"));
        assertEquals(List.of("apples"), inventory.reorder(5));
    }

    @Test
    void levelNamesHowMuchThereIs() {
        Inventory inventory = new Inventory();
        inventory.load(List.of("apples=3", "pears=12"));
        assertEquals("low", inventory.level("apples"));
        assertEquals("plenty", inventory.level("pears"));
        assertEquals("unknown", inventory.level("kiwis"));
    }
}

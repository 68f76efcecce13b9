package org.interviewtasks.senior.operations.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.interviewtasks.senior.operations.testkit.EndToEndTest;
import org.interviewtasks.senior.operations.testkit.ServiceClient;
import org.interviewtasks.senior.operations.testkit.WithService;
import org.junit.jupiter.api.Tag;

/**
 * The end-to-end layer in Java, for what a contract file cannot say: many clients at once against
 * the whole application (its own Redis and the service), only through the public API.
 */
@Tag("infra")
@WithService(InventoryEnvironment.class)
public class InventoryJourneyTest {

  @EndToEndTest
  void twoShopsSellingTheLastItemsSellEachOnce(ServiceClient shop) throws Exception {
    assertThat(shop.putJson("/items/LAST-ONES", "{\"name\": \"Last\", \"quantity\": 3}").status())
        .isEqualTo(200);
    List<Integer> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(2)) {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(
            pool.submit(
                () ->
                    shop.postJson("/items/LAST-ONES/reservations", "{\"quantity\": 1}").status()));
      }
      for (Future<Integer> call : calls) {
        statuses.add(call.get());
      }
    }
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
    assertThat(shop.get("/items/LAST-ONES").json().get("quantity").intValue()).isZero();
  }
}

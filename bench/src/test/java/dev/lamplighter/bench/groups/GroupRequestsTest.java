package dev.lamplighter.bench.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.bench.load.BenchRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupRequestsTest {
  @Test
  void createThingGroup_namesTheParentOnlyBelowTheRoot() {
    BenchRequest root = GroupRequests.createThingGroup("bench-g", null);
    BenchRequest child = GroupRequests.createThingGroup("bench-g-1", "bench-g");

    assertThat(root.method()).isEqualTo("POST");
    assertThat(root.path()).isEqualTo("/thing-groups/bench-g");
    assertThat(body(root)).isEqualTo("{}");
    assertThat(body(child)).isEqualTo("{\"parentGroupName\":\"bench-g\"}");
  }

  @Test
  void addThingToThingGroup_putsBothNamesInTheBody() {
    BenchRequest add = GroupRequests.addThingToThingGroup("bench-g-0", "bench-t-000001");

    assertThat(add.method()).isEqualTo("PUT");
    assertThat(add.path()).isEqualTo("/thing-groups/addThingToThingGroup");
    assertThat(body(add))
        .isEqualTo("{\"thingGroupName\":\"bench-g-0\",\"thingName\":\"bench-t-000001\"}");
  }

  @Test
  void listThingsRecursively_passesTheTokenBackAsAQueryParameter() {
    BenchRequest first = GroupRequests.listThingsRecursively("bench-g", 250, null);
    BenchRequest next = GroupRequests.listThingsRecursively("bench-g", 250, "a+b/c==");

    assertThat(first.method()).isEqualTo("GET");
    assertThat(first.path()).isEqualTo("/thing-groups/bench-g/things");
    assertThat(first.body()).isNull();
    assertThat(first.query()).isEqualTo(Map.of("recursive", "true", "maxResults", "250"));
    assertThat(next.query()).containsEntry("nextToken", "a+b/c==");
  }

  @Test
  void thingPage_readsNamesAndTheTokenUntilTheLastPage() {
    ThingPage page = ThingPage.parse(bytes("{\"things\":[\"a\",\"b\"],\"nextToken\":\"t1\"}"));
    ThingPage last = ThingPage.parse(bytes("{\"things\":[\"c\"]}"));
    ThingPage empty = ThingPage.parse(bytes("{}"));

    assertThat(page.things()).isEqualTo(List.of("a", "b"));
    assertThat(page.nextToken()).isEqualTo("t1");
    assertThat(last.nextToken()).isNull();
    assertThat(empty.things()).isEmpty();
  }

  @Test
  void thingPage_thatIsNotTheListingShape_isRejected() {
    assertThatThrownBy(() -> ThingPage.parse(bytes("[1]")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ThingPage.parse(bytes("{\"things\":\"a\"}")))
        .hasMessageContaining("things");
    assertThatThrownBy(() -> ThingPage.parse(bytes("not json")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String body(BenchRequest request) {
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

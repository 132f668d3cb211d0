package dev.lamplighter.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.api.wire.WireModel;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final WireModel IOT = WireModel.load("iot");
  private static final Operation NOTHING = call -> null;

  private final Router router =
      new Router(
          List.of(IOT),
          List.of(
              new Route("iot", "DescribeThing", NOTHING),
              new Route("iot", "CreateThing", NOTHING),
              new Route("iot", "AddThingToThingGroup", NOTHING),
              new Route("iot", "DescribeThingGroup", NOTHING)));

  @Test
  void routes_byMethodAndPath_withDecodedLabels() {
    Router.Match match = router.find("iot", "GET", "/things/lamp%3A1", null);

    assertThat(match.operation().name()).isEqualTo("DescribeThing");
    assertThat(match.labels()).containsEntry("thingName", "lamp:1");
    assertThat(router.find("iot", "POST", "/things/lamp-1", null).operation().name())
        .isEqualTo("CreateThing");
  }

  @Test
  void olderClientsSigningAsExecuteApi_reachTheSameOperations() {
    assertThat(router.find("execute-api", "GET", "/things/lamp-1", null).operation().name())
        .isEqualTo("DescribeThing");
  }

  @Test
  void literalSegment_winsOverALabel() {
    assertThat(
            router
                .find("iot", "PUT", "/thing-groups/addThingToThingGroup", null)
                .operation()
                .name())
        .isEqualTo("AddThingToThingGroup");
    assertThat(router.find("iot", "GET", "/thing-groups/city-turin", null).operation().name())
        .isEqualTo("DescribeThingGroup");
  }

  @Test
  void noMatchingPath_isUnknownOperation() {
    assertThatThrownBy(() -> router.find("iot", "GET", "/nothing/here", null))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION));
  }

  @Test
  void operationWithoutHandler_isUnknownOperation_namingIt() {
    assertThatThrownBy(() -> router.find("iot", "GET", "/jobs/job-1", null))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("DescribeJob");
  }

  @Test
  void routeForAnOperationTheModelDoesNotHave_isRefusedAtStartUp() {
    assertThatThrownBy(
            () -> new Router(List.of(IOT), List.of(new Route("iot", "LaunchRocket", NOTHING))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LaunchRocket");
  }
}

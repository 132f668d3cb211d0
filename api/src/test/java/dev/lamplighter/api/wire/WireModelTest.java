package dev.lamplighter.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireModelTest {
  private static final List<String> REST_SERVICES = List.of("iot", "iot-jobs-data", "iot-data");

  @Test
  void load_readsServiceFacts() {
    WireModel iot = WireCall.model("iot");
    WireModel tunnels = WireCall.model("iotsecuretunneling");

    assertThat(iot.protocol()).isEqualTo(Protocol.REST_JSON);
    assertThat(iot.signingNames()).containsExactly("iot", "execute-api");
    assertThat(iot.targetPrefix()).isEmpty();
    assertThat(tunnels.protocol()).isEqualTo(Protocol.JSON);
    assertThat(tunnels.targetPrefix()).contains("IoTSecuredTunneling");
    assertThat(tunnels.operation("OpenTunnel").uri()).isEqualTo("/");
  }

  @Test
  void operation_describesMethodUriShapesAndErrors() {
    OperationSpec createThing = WireCall.model("iot").operation("CreateThing");

    assertThat(createThing.service()).isEqualTo("iot");
    assertThat(createThing.method()).isEqualTo("POST");
    assertThat(createThing.uri()).isEqualTo("/things/{thingName}");
    assertThat(createThing.template().labels()).containsExactly("thingName");
    assertThat(createThing.input()).contains("CreateThingRequest");
    assertThat(createThing.output()).contains("CreateThingResponse");
    assertThat(createThing.errors()).contains("ResourceAlreadyExistsException");
    assertThat(createThing.responseCode()).isEmpty();
  }

  @Test
  void shape_carriesConstraintsAndLocations() {
    WireModel iot = WireCall.model("iot");
    Shape thingName = iot.shape("ThingName");
    Member label = iot.shape("CreateThingRequest").members().get("thingName");

    assertThat(thingName.type()).isEqualTo(ShapeType.STRING);
    assertThat(thingName.min()).hasValueSatisfying(m -> assertThat(m.intValue()).isEqualTo(1));
    assertThat(thingName.max()).hasValueSatisfying(m -> assertThat(m.intValue()).isEqualTo(128));
    assertThat(thingName.pattern().orElseThrow().pattern()).isEqualTo("[a-zA-Z0-9:_-]+");
    assertThat(label.location()).isEqualTo(Location.URI);
    assertThat(label.wireName()).isEqualTo("thingName");
    assertThat(iot.shape("CreateThingRequest").isRequired("thingName")).isTrue();
    assertThat(WireCall.model("iot-data").shape("PublishRequest").payload()).contains("payload");
  }

  @Test
  void unknownOperationOrShape_isReported() {
    WireModel iot = WireCall.model("iot");

    assertThat(iot.findOperation("LaunchRocket")).isEmpty();
    assertThatThrownBy(() -> iot.operation("LaunchRocket"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("LaunchRocket");
    assertThatThrownBy(() -> iot.shape("Rocket")).isInstanceOf(NoSuchElementException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3", "../iot", "IOT"})
  void load_refusesUnknownServices(String service) {
    assertThatIllegalArgumentException().isThrownBy(() -> WireModel.load(service));
  }

  @Test
  void fromJson_refusesMissingShapeReferences() {
    ObjectNode spec = WireJson.mapper().createObjectNode();
    spec.put("service", "broken").put("protocol", "rest-json");
    ObjectNode op = spec.putObject("operations").putObject("Op");
    op.put("method", "GET").put("uri", "/x").put("input", "Nowhere");
    spec.putObject("shapes");

    assertThatThrownBy(() -> WireModel.fromJson(spec))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Nowhere");
  }

  @ParameterizedTest
  @ValueSource(strings = {"iot", "iot-jobs-data", "iot-data", "iotsecuretunneling"})
  void everyOperation_hasATemplateThatMatchesItsOwnInstances(String service) {
    for (OperationSpec op : WireCall.model(service).operations()) {
      UriTemplate template = op.template();
      Map<String, String> sample = new LinkedHashMap<>();
      template.labels().forEach(l -> sample.put(l, template.isGreedy(l) ? "a/b" : "v-" + l));
      String path = instantiate(op.uri(), sample);

      assertThat(template.template()).isEqualTo(op.uri());
      assertThat(template.match(path)).as("%s %s", op.name(), path).contains(sample);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"iot", "iot-jobs-data", "iot-data"})
  void everyUriLabel_isAUriMemberOfTheInputAndViceVersa(String service) {
    WireModel model = WireCall.model(service);
    for (OperationSpec op : model.operations()) {
      Set<String> uriMembers =
          op.input().map(model::shape).map(Shape::members).orElse(Map.of()).values().stream()
              .filter(m -> m.location() == Location.URI)
              .map(Member::wireName)
              .collect(Collectors.toSet());

      assertThat(Set.copyOf(op.template().labels())).as(op.name()).isEqualTo(uriMembers);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"iot", "iot-jobs-data", "iot-data", "iotsecuretunneling"})
  void everyReferencedShape_exists(String service) {
    WireModel model = WireCall.model(service);
    Deque<String> pending = new ArrayDeque<>();
    for (OperationSpec op : model.operations()) {
      op.input().ifPresent(pending::add);
      op.output().ifPresent(pending::add);
      pending.addAll(op.errors());
    }
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (!seen.add(name)) {
        continue;
      }
      assertThat(model.shapes()).as("shape %s of %s", name, service).containsKey(name);
      Shape shape = model.shape(name);
      shape.members().values().forEach(m -> pending.add(m.shape()));
      shape.member().ifPresent(pending::add);
      shape.key().ifPresent(pending::add);
      shape.value().ifPresent(pending::add);
    }
    assertThat(seen).hasSizeGreaterThan(model.operations().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"iot", "iot-jobs-data", "iot-data"})
  void overlappingTemplatesOfOneMethod_areResolvedBySpecificity(String service) {
    List<OperationSpec> ops = new ArrayList<>(WireCall.model(service).operations());
    for (int i = 0; i < ops.size(); i++) {
      for (int j = i + 1; j < ops.size(); j++) {
        OperationSpec a = ops.get(i);
        OperationSpec b = ops.get(j);
        if (a.method().equals(b.method()) && overlap(a, b)) {
          assertThat(UriTemplate.MOST_SPECIFIC_FIRST.compare(a.template(), b.template()))
              .as("%s %s and %s %s match the same path", a.method(), a.uri(), b.method(), b.uri())
              .isNotZero();
        }
      }
    }
  }

  @Test
  void overlapCheck_findsTheKnownOverlapsAcrossMethods() {
    WireModel iot = WireCall.model("iot");
    WireModel jobs = WireCall.model("iot-jobs-data");

    assertThat(overlap(iot.operation("AddThingToThingGroup"), iot.operation("DescribeThingGroup")))
        .isTrue();
    assertThat(
            overlap(
                jobs.operation("StartNextPendingJobExecution"),
                jobs.operation("DescribeJobExecution")))
        .isTrue();
    assertThat(overlap(iot.operation("ListThings"), iot.operation("DescribeThing"))).isFalse();
  }

  @Test
  void jsonProtocolOperations_allArePostToTheRoot() {
    WireModel tunnels = WireCall.model("iotsecuretunneling");

    assertThat(tunnels.operations())
        .hasSize(8)
        .allSatisfy(op -> assertThat(op.method() + " " + op.uri()).isEqualTo("POST /"));
  }

  @Test
  void literalRoutes_winOverLabelledRoutesOfAnyMethodForTheirPath() {
    int literalRoutes = 0;
    for (String service : REST_SERVICES) {
      List<OperationSpec> ops = List.copyOf(WireCall.model(service).operations());
      for (OperationSpec literal : ops) {
        if (!literal.template().labels().isEmpty()) {
          continue;
        }
        literalRoutes++;
        String path = instantiate(literal.uri(), Map.of());
        OperationSpec best =
            ops.stream()
                .filter(op -> op.template().match(path).isPresent())
                .min((x, y) -> UriTemplate.MOST_SPECIFIC_FIRST.compare(x.template(), y.template()))
                .orElseThrow();
        assertThat(best.template().labels()).as("%s %s", literal.method(), path).isEmpty();
      }
    }
    assertThat(literalRoutes).isGreaterThan(10);
  }

  /** Whether some concrete path matches both templates. */
  private static boolean overlap(OperationSpec a, OperationSpec b) {
    String[] x = a.uri().split("\\?")[0].split("/", -1);
    String[] y = b.uri().split("\\?")[0].split("/", -1);
    String witness;
    if (x.length == y.length) {
      StringBuilder path = new StringBuilder();
      for (int i = 1; i < x.length; i++) {
        String segment = !x[i].startsWith("{") ? x[i] : !y[i].startsWith("{") ? y[i] : "x";
        path.append('/').append(segment);
      }
      witness = path.length() == 0 ? "/" : path.toString();
    } else {
      witness = instantiate(x.length > y.length ? a.uri() : b.uri(), Map.of());
    }
    return a.template().match(witness).isPresent() && b.template().match(witness).isPresent();
  }

  /** The template with each label replaced by its sample value, or {@code x}. */
  private static String instantiate(String uri, Map<String, String> values) {
    StringBuilder path = new StringBuilder();
    String[] segments = uri.split("\\?")[0].split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.startsWith("{")) {
        String label = segment.substring(1, segment.length() - 1).replace("+", "");
        segment = values.getOrDefault(label, "x");
      }
      path.append('/').append(segment);
    }
    return path.length() == 0 ? "/" : path.toString();
  }
}

package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.NewThing;
import dev.lamplighter.shadow.Shadow;
import dev.lamplighter.shadow.ShadowId;
import dev.lamplighter.shadow.ShadowService;
import dev.lamplighter.shadow.Shadows;
import dev.lamplighter.shadow.spi.ShadowRepository;
import dev.lamplighter.shadow.spi.StoredShadow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shadows on the store: versions, conditional updates, deletes that keep the version for 48 hours,
 * named shadows, the change log entries with the documents to publish, the repository's
 * compare-and-set, and shadows going with their thing.
 */
abstract class ShadowContract extends ContractSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ShadowId CLASSIC = ShadowId.classic("lamp-1");
  private static final ShadowId CONFIG = ShadowId.of("lamp-1", "config");

  private ShadowService shadows() {
    return Shadows.create(store().shadowPorts(), registry(), clock());
  }

  private ShadowRepository repository() {
    return store().shadowPorts().shadows();
  }

  private Scope scopeWithLamp() {
    Scope scope = newScope();
    registry().things().create(scope, new NewThing("lamp-1", null, null, null));
    return scope;
  }

  private static byte[] body(String json) {
    return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  private List<ChangeEvent> shadowLog(Scope scope, long after) {
    return logAfter(after).stream()
        .filter(e -> e.scope().equals(scope) && e.type() == ResourceType.SHADOW)
        .toList();
  }

  @Test
  void update_createsTheShadow_atVersion1_andLogsCreated_withTheDocumentsToPublish()
      throws IOException {
    Scope scope = scopeWithLamp();
    long head = logHead();

    shadows().update(scope, CLASSIC, body("{'state':{'desired':{'dim':40}},'clientToken':'op-1'}"));

    Shadow shadow = shadows().get(scope, CLASSIC);
    assertThat(shadow.version()).isEqualTo(1);
    assertThat(shadow.state().toString()).isEqualTo("{\"desired\":{\"dim\":40}}");
    assertThat(shadow.delta().toString()).isEqualTo("{\"dim\":40}");
    List<ChangeEvent> log = shadowLog(scope, head);
    assertThat(log)
        .extracting(ChangeEvent::kind, ChangeEvent::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATED, "lamp-1"));
    JsonNode state = JSON.readTree(log.get(0).stateJson());
    assertThat(state.path("thingName").asText()).isEqualTo("lamp-1");
    assertThat(state.path("accepted").path("clientToken").asText()).isEqualTo("op-1");
    assertThat(state.path("delta").path("state").path("dim").asInt()).isEqualTo(40);
    assertThat(state.path("documents").path("current").path("version").asLong()).isEqualTo(1);
    assertThat(state.path("documents").has("previous")).isFalse();
  }

  @Test
  void update_incrementsTheVersion_mergesTheState_andLogsUpdated_withThePreviousDocument()
      throws IOException {
    Scope scope = scopeWithLamp();
    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':100,'on':true}}}"));
    long head = logHead();

    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':40}}}"));

    Shadow shadow = shadows().get(scope, CLASSIC);
    assertThat(shadow.version()).isEqualTo(2);
    assertThat(shadow.state().toString()).isEqualTo("{\"reported\":{\"dim\":40,\"on\":true}}");
    List<ChangeEvent> log = shadowLog(scope, head);
    assertThat(log).extracting(ChangeEvent::kind).containsExactly(ChangeKind.UPDATED);
    JsonNode state = JSON.readTree(log.get(0).stateJson());
    assertThat(
            state
                .path("documents")
                .path("previous")
                .path("state")
                .path("reported")
                .path("dim")
                .asInt())
        .isEqualTo(100);
    assertThat(state.path("delta").isNull() || state.path("delta").isMissingNode()).isTrue();
  }

  @Test
  void conditionalUpdate_atAnotherVersion_isAVersionConflict_andChangesNothing() {
    Scope scope = scopeWithLamp();
    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':100}}}"));
    long head = logHead();

    assertThatThrownBy(
            () ->
                shadows()
                    .update(scope, CLASSIC, body("{'state':{'reported':{'dim':1}},'version':5}")))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
        .hasMessage("Version conflict");
    assertThat(shadows().get(scope, CLASSIC).version()).isEqualTo(1);
    assertThat(shadowLog(scope, head)).isEmpty();

    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':1}},'version':1}"));
    assertThat(shadows().get(scope, CLASSIC).version()).isEqualTo(2);
  }

  @Test
  void badRequest_andTooLargeResult_storeNothing() {
    Scope scope = scopeWithLamp();
    shadows()
        .update(scope, CLASSIC, body("{'state':{'reported':{'a':'" + "x".repeat(5_000) + "'}}}"));
    long head = logHead();

    assertThatThrownBy(
            () ->
                shadows()
                    .update(
                        scope,
                        CLASSIC,
                        body("{'state':{'reported':{'b':'" + "y".repeat(5_000) + "'}}}")))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_TOO_LARGE));
    assertThatThrownBy(() -> shadows().update(scope, CLASSIC, body("{'state':5}")))
        .hasMessage("State node must be an object");
    assertThat(shadows().get(scope, CLASSIC).version()).isEqualTo(1);
    assertThat(shadowLog(scope, head)).isEmpty();
  }

  @Test
  void unknownThing_isNotFound_forEveryOperation() {
    Scope scope = newScope();
    ShadowId ghost = ShadowId.classic("ghost");

    assertThatThrownBy(() -> shadows().update(scope, ghost, body("{'state':{}}")))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("Thing not found: ghost");
    assertThatThrownBy(() -> shadows().get(scope, ghost)).hasMessage("Thing not found: ghost");
    assertThatThrownBy(() -> shadows().delete(scope, ghost, null))
        .hasMessage("Thing not found: ghost");
    assertThatThrownBy(() -> shadows().listNamed(scope, "ghost", PageRequest.first(10)))
        .hasMessage("Thing not found: ghost");
  }

  @Test
  void delete_removesTheDocument_logsDeleted_andANewDocumentContinuesTheVersion()
      throws IOException {
    Scope scope = scopeWithLamp();
    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':1}}}"));
    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':2}}}"));
    long head = logHead();

    var accepted = shadows().delete(scope, CLASSIC, "tok");

    assertThat(accepted.path("version").asLong()).isEqualTo(2);
    assertThat(accepted.path("clientToken").asText()).isEqualTo("tok");
    assertThatThrownBy(() -> shadows().get(scope, CLASSIC))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("No shadow exists with name: 'lamp-1'");
    assertThatThrownBy(() -> shadows().delete(scope, CLASSIC, null))
        .hasMessage("No shadow exists with name: 'lamp-1'");
    List<ChangeEvent> log = shadowLog(scope, head);
    assertThat(log).extracting(ChangeEvent::kind).containsExactly(ChangeKind.DELETED);
    assertThat(JSON.readTree(log.get(0).stateJson()).path("version").asLong()).isEqualTo(2);

    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':3}}}"));
    Shadow again = shadows().get(scope, CLASSIC);
    assertThat(again.version()).isEqualTo(3);
    assertThat(again.state().toString()).isEqualTo("{\"reported\":{\"dim\":3}}");
  }

  @Test
  void aShadowDeletedMoreThan48HoursAgo_startsAgainAtVersion1() {
    Scope scope = scopeWithLamp();
    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':1}}}"));
    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':2}}}"));
    shadows().delete(scope, CLASSIC, null);

    clock().advance(Duration.ofHours(49));
    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':3}}}"));

    assertThat(shadows().get(scope, CLASSIC).version()).isEqualTo(1);
  }

  @Test
  void namedShadows_areSeparateDocuments_listedByName_inPages_withoutClassicOrDeletedOnes() {
    Scope scope = scopeWithLamp();
    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':1}}}"));
    for (String name : List.of("gamma", "alpha", "beta", "delta")) {
      shadows().update(scope, ShadowId.of("lamp-1", name), body("{'state':{'reported':{'n':1}}}"));
    }
    shadows().delete(scope, ShadowId.of("lamp-1", "delta"), null);

    Page<String> first = shadows().listNamed(scope, "lamp-1", PageRequest.first(2));
    Page<String> second =
        shadows().listNamed(scope, "lamp-1", PageRequest.after(first.next().orElseThrow(), 2));

    assertThat(first.items()).containsExactly("alpha", "beta");
    assertThat(second.items()).containsExactly("gamma");
    assertThat(second.next()).isEmpty();
    assertThat(shadows().get(scope, ShadowId.of("lamp-1", "alpha")).version()).isEqualTo(1);
    assertThat(shadows().shadowsOf(scope, "lamp-1"))
        .extracting(s -> s.id().shadowName())
        .containsExactly(null, "alpha", "beta", "gamma");
  }

  @Test
  void deletingTheThing_deletesItsShadows() {
    Scope scope = scopeWithLamp();
    shadows().update(scope, CLASSIC, body("{'state':{'reported':{'dim':1}}}"));
    shadows().update(scope, CONFIG, body("{'state':{'reported':{'dim':1}}}"));

    registry().things().delete(scope, "lamp-1", null);
    registry().things().create(scope, new NewThing("lamp-1", null, null, null));

    assertThat(shadows().shadowsOf(scope, "lamp-1")).isEmpty();
    assertThat(repository().find(scope, CLASSIC)).isEmpty();
  }

  @Test
  void write_isACompareAndSetOnTheVersion() {
    Scope scope = scopeWithLamp();
    StoredShadow first = new StoredShadow(CONFIG, "{}", "{}", 1, 10, false);
    StoredShadow second = new StoredShadow(CONFIG, "{\"a\":1}", "{}", 2, 11, false);

    assertThat(tx(() -> repository().write(scope, first, null))).isTrue();
    assertThat(tx(() -> repository().write(scope, first, null))).isFalse();
    assertThat(tx(() -> repository().write(scope, second, 5L))).isFalse();
    assertThat(tx(() -> repository().write(scope, second, 1L))).isTrue();
    assertThat(repository().find(scope, CONFIG)).contains(second);
    assertThat(repository().find(newScope(), CONFIG)).isEmpty();
  }
}

package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.tunnels.Admission;
import dev.lamplighter.tunnels.AdmissionRefusal;
import dev.lamplighter.tunnels.ClientMode;
import dev.lamplighter.tunnels.ConnectionStatus;
import dev.lamplighter.tunnels.DestinationConfig;
import dev.lamplighter.tunnels.OpenedTunnel;
import dev.lamplighter.tunnels.RotatedTokens;
import dev.lamplighter.tunnels.RotationMode;
import dev.lamplighter.tunnels.Tunnel;
import dev.lamplighter.tunnels.TunnelAdmissionException;
import dev.lamplighter.tunnels.TunnelRequest;
import dev.lamplighter.tunnels.TunnelService;
import dev.lamplighter.tunnels.TunnelStatus;
import dev.lamplighter.tunnels.Tunnels;
import dev.lamplighter.tunnels.spi.StoredTunnel;
import dev.lamplighter.tunnels.spi.TunnelRepository;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Secure tunnels on the store: their lifecycle, listing, lifetimes, tags, token rotation and the
 * relay's admission by single-use token, with the change log entries every write appends, and the
 * compare-and-set that lets one of two racing admissions win.
 */
abstract class TunnelContract extends ContractSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TunnelService tunnels() {
    return Tunnels.create(store().tunnelPorts(), clock(), IdSource.secure());
  }

  private TunnelRepository repository() {
    return store().tunnelPorts().tunnels();
  }

  private static TunnelRequest toThing(String thingName, String... services) {
    return new TunnelRequest(
        Optional.of("to " + thingName),
        Map.of(),
        Optional.of(new DestinationConfig(Optional.of(thingName), List.of(services))),
        60);
  }

  private OpenedTunnel open(Scope scope) {
    return tunnels().open(scope, toThing("lamp-1", "SSH"));
  }

  private List<ChangeEvent> tunnelLog(Scope scope, long after) {
    return logAfter(after).stream()
        .filter(e -> e.scope().equals(scope) && e.type() == ResourceType.TUNNEL)
        .toList();
  }

  private static void assertRefused(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static AdmissionRefusal refusal(ThrowingCallable admit) {
    try {
      admit.call();
    } catch (TunnelAdmissionException e) {
      return e.refusal();
    } catch (Throwable e) {
      throw new AssertionError("not an admission refusal", e);
    }
    throw new AssertionError("admitted");
  }

  private static String clientToken() {
    return "client-" + UUID.randomUUID();
  }

  @Test
  void open_makesAnOpenTunnel_describedWithItsDestinationAndTags_andLogsCreated()
      throws IOException {
    Scope scope = newScope();
    long head = logHead();
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("team", "lights");
    tags.put("env", "prod");

    OpenedTunnel opened =
        tunnels()
            .open(
                scope,
                new TunnelRequest(
                    Optional.of("ssh to the lamp"),
                    tags,
                    Optional.of(
                        new DestinationConfig(Optional.of("lamp-1"), List.of("SSH", "HTTP"))),
                    90));

    assertThat(opened.tunnelId()).matches("[a-zA-Z0-9_\\-+=:]{1,128}");
    assertThat(opened.tunnelArn())
        .isEqualTo("arn:aws:iot:eu-west-1:" + scope.account() + ":tunnel/" + opened.tunnelId());
    assertThat(opened.sourceAccessToken())
        .isNotEqualTo(opened.destinationAccessToken())
        .matches("[A-Za-z0-9_-]{43}");
    Tunnel tunnel = tunnels().describe(scope, opened.tunnelId());
    Instant now = clock().instant();
    assertThat(tunnel.status()).isEqualTo(TunnelStatus.OPEN);
    assertThat(tunnel.tunnelArn()).isEqualTo(opened.tunnelArn());
    assertThat(tunnel.description()).contains("ssh to the lamp");
    assertThat(tunnel.destination())
        .contains(new DestinationConfig(Optional.of("lamp-1"), List.of("SSH", "HTTP")));
    assertThat(tunnel.maxLifetimeMinutes()).isEqualTo(90);
    assertThat(tunnel.tags())
        .containsExactly(Map.entry("team", "lights"), Map.entry("env", "prod"));
    assertThat(tunnel.createdAt()).isEqualTo(now);
    assertThat(tunnel.lastUpdatedAt()).isEqualTo(now);
    assertThat(tunnel.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(90)));
    assertThat(tunnel.sourceConnection().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    assertThat(tunnel.destinationConnection().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    List<ChangeEvent> log = tunnelLog(scope, head);
    assertThat(log)
        .extracting(ChangeEvent::kind, ChangeEvent::name)
        .containsExactly(tuple(ChangeKind.CREATED, opened.tunnelId()));
    JsonNode state = JSON.readTree(log.get(0).stateJson());
    assertThat(state.path("status").asText()).isEqualTo("OPEN");
    assertThat(state.path("sourceGeneration").asInt()).isEqualTo(1);
    assertThat(state.path("destinationGeneration").asInt()).isEqualTo(1);
  }

  @Test
  void aTunnelWithoutDestination_hasNone_andAdmitsWithNoServices() {
    Scope scope = newScope();
    OpenedTunnel opened =
        tunnels()
            .open(
                scope,
                new TunnelRequest(
                    Optional.empty(),
                    Map.of(),
                    Optional.empty(),
                    TunnelRequest.DEFAULT_LIFETIME_MINUTES));

    Tunnel tunnel = tunnels().describe(scope, opened.tunnelId());

    assertThat(tunnel.destination()).isEmpty();
    assertThat(tunnel.description()).isEmpty();
    assertThat(tunnel.maxLifetimeMinutes()).isEqualTo(720);
    assertThat(
            tunnels()
                .admit(opened.destinationAccessToken(), ClientMode.DESTINATION, Optional.empty())
                .services())
        .isEmpty();
  }

  @Test
  void open_refusesDuplicateServices_andMoreThanThree_storingNothing() {
    Scope scope = newScope();

    assertRefused(
        () -> tunnels().open(scope, toThing("lamp-1", "SSH", "SSH")), ErrorCode.INVALID_REQUEST);
    assertRefused(
        () -> tunnels().open(scope, toThing("lamp-1", "A", "B", "C", "D")),
        ErrorCode.LIMIT_EXCEEDED);
    assertThat(tunnels().list(scope, Optional.empty(), PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void list_isNewestFirst_inPages_andFiltersByDestinationThing() {
    Scope scope = newScope();
    List<String> opened = new ArrayList<>();
    for (String thing : List.of("lamp-1", "lamp-2", "lamp-1", "lamp-1", "lamp-2")) {
      opened.add(tunnels().open(scope, toThing(thing, "SSH")).tunnelId());
      clock().advance(Duration.ofSeconds(1));
    }
    // Two opened in the same instant are ordered by id, still descending.
    String sameInstantA = tunnels().open(scope, toThing("lamp-3")).tunnelId();
    String sameInstantB = tunnels().open(scope, toThing("lamp-3")).tunnelId();
    tunnels().open(newScope(), toThing("lamp-1", "SSH"));

    List<List<String>> pages =
        keysetPages(
            after ->
                tunnels()
                    .list(
                        scope,
                        Optional.empty(),
                        after == null ? PageRequest.first(2) : PageRequest.after(after, 2))
                    .items()
                    .stream()
                    .map(Tunnel::tunnelId)
                    .toList(),
            id -> cursorOf(scope, id),
            2);
    Page<Tunnel> lamp1 = tunnels().list(scope, Optional.of("lamp-1"), PageRequest.first(2));
    Page<Tunnel> lamp1Rest =
        tunnels()
            .list(scope, Optional.of("lamp-1"), PageRequest.after(lamp1.next().orElseThrow(), 2));

    List<String> sameInstant =
        sameInstantA.compareTo(sameInstantB) > 0
            ? List.of(sameInstantA, sameInstantB)
            : List.of(sameInstantB, sameInstantA);
    List<String> expected = new ArrayList<>(sameInstant);
    expected.addAll(
        List.of(opened.get(4), opened.get(3), opened.get(2), opened.get(1), opened.get(0)));
    assertThat(flatten(pages)).containsExactlyElementsOf(expected);
    assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(2));
    assertThat(lamp1.items())
        .extracting(Tunnel::tunnelId)
        .containsExactly(opened.get(3), opened.get(2));
    assertThat(lamp1Rest.items()).extracting(Tunnel::tunnelId).containsExactly(opened.get(0));
    assertThat(lamp1Rest.next()).isEmpty();
  }

  /** The cursor the listing hands out after {@code tunnelId}, as an API client resumes from. */
  private String cursorOf(Scope scope, String tunnelId) {
    return TunnelRepository.cursorOf(repository().find(scope, tunnelId).orElseThrow());
  }

  @Test
  void close_makesItClosed_stillListed_isIdempotent_andLogsUpdatedOnce() throws IOException {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);
    long head = logHead();
    clock().advance(Duration.ofSeconds(3));

    tunnels().close(scope, opened.tunnelId(), false);
    tunnels().close(scope, opened.tunnelId(), false);

    Tunnel tunnel = tunnels().describe(scope, opened.tunnelId());
    assertThat(tunnel.status()).isEqualTo(TunnelStatus.CLOSED);
    assertThat(tunnel.lastUpdatedAt()).isEqualTo(clock().instant());
    assertThat(tunnels().list(scope, Optional.empty(), PageRequest.first(10)).items())
        .extracting(Tunnel::tunnelId, Tunnel::status)
        .containsExactly(tuple(opened.tunnelId(), TunnelStatus.CLOSED));
    List<ChangeEvent> log = tunnelLog(scope, head);
    assertThat(log).extracting(ChangeEvent::kind).containsExactly(ChangeKind.UPDATED);
    assertThat(JSON.readTree(log.get(0).stateJson()).path("status").asText()).isEqualTo("CLOSED");
    assertThat(
            refusal(
                () ->
                    tunnels()
                        .admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.empty())))
        .isEqualTo(AdmissionRefusal.TUNNEL_CLOSED);
  }

  @Test
  void closeWithDelete_removesTheTunnel_andLogsDeleted() throws IOException {
    Scope scope = newScope();
    OpenedTunnel open = open(scope);
    OpenedTunnel closedFirst = open(scope);
    tunnels().close(scope, closedFirst.tunnelId(), false);
    long head = logHead();

    tunnels().close(scope, open.tunnelId(), true);
    tunnels().close(scope, closedFirst.tunnelId(), true);

    assertRefused(() -> tunnels().describe(scope, open.tunnelId()), ErrorCode.RESOURCE_NOT_FOUND);
    assertThatThrownBy(() -> tunnels().describe(scope, open.tunnelId()))
        .hasMessage("Tunnel " + open.tunnelId() + " not found");
    assertRefused(
        () -> tunnels().close(scope, open.tunnelId(), true), ErrorCode.RESOURCE_NOT_FOUND);
    assertThat(tunnels().list(scope, Optional.empty(), PageRequest.first(10)).items()).isEmpty();
    List<ChangeEvent> log = tunnelLog(scope, head);
    assertThat(log)
        .extracting(ChangeEvent::kind, ChangeEvent::name)
        .containsExactly(
            tuple(ChangeKind.DELETED, open.tunnelId()),
            tuple(ChangeKind.DELETED, closedFirst.tunnelId()));
    assertThat(JSON.readTree(log.get(0).stateJson()).path("status").asText()).isEqualTo("CLOSED");
    assertThat(
            refusal(
                () ->
                    tunnels().admit(open.sourceAccessToken(), ClientMode.SOURCE, Optional.empty())))
        .isEqualTo(AdmissionRefusal.UNKNOWN_TOKEN);
  }

  @Test
  void unknownTunnels_areNotFound_forEveryOperation_butConnectionReportsAreIgnored() {
    Scope scope = newScope();
    String ghost = "ghost";
    String ghostArn = "arn:aws:iot:eu-west-1:" + scope.account() + ":tunnel/ghost";

    assertRefused(() -> tunnels().describe(scope, ghost), ErrorCode.RESOURCE_NOT_FOUND);
    assertRefused(() -> tunnels().close(scope, ghost, false), ErrorCode.RESOURCE_NOT_FOUND);
    assertRefused(
        () -> tunnels().rotate(scope, ghost, RotationMode.ALL, Optional.empty()),
        ErrorCode.RESOURCE_NOT_FOUND);
    assertRefused(
        () -> tunnels().tag(scope, ghostArn, Map.of("a", "b")), ErrorCode.RESOURCE_NOT_FOUND);
    assertRefused(() -> tunnels().tags(scope, ghostArn), ErrorCode.RESOURCE_NOT_FOUND);
    long head = logHead();
    tunnels().recordConnection(scope, ghost, ClientMode.SOURCE, ConnectionStatus.CONNECTED);
    assertThat(tunnelLog(scope, head)).isEmpty();
  }

  @Test
  void rotate_replacesTheTokensOfItsModes_nextGeneration_sameLifetime_andLogsUpdated()
      throws IOException {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);
    Instant expiresAt = tunnels().describe(scope, opened.tunnelId()).expiresAt();
    tunnels().admit(opened.destinationAccessToken(), ClientMode.DESTINATION, Optional.empty());
    clock().advance(Duration.ofMinutes(10));
    long head = logHead();

    RotatedTokens rotated =
        tunnels()
            .rotate(
                scope,
                opened.tunnelId(),
                RotationMode.DESTINATION,
                Optional.of(new DestinationConfig(Optional.of("lamp-9"), List.of("RDP"))));

    assertThat(rotated.tunnelArn()).isEqualTo(opened.tunnelArn());
    assertThat(rotated.sourceAccessToken()).isEmpty();
    String newToken = rotated.destinationAccessToken().orElseThrow();
    assertThat(
            refusal(
                () ->
                    tunnels()
                        .admit(
                            opened.destinationAccessToken(),
                            ClientMode.DESTINATION,
                            Optional.empty())))
        .isEqualTo(AdmissionRefusal.UNKNOWN_TOKEN);
    // The new token is unspent although the old one was spent.
    Admission admitted = tunnels().admit(newToken, ClientMode.DESTINATION, Optional.empty());
    assertThat(admitted.generation()).isEqualTo(2);
    assertThat(admitted.expiresAt()).isEqualTo(expiresAt);
    assertThat(admitted.services()).containsExactly("RDP");
    assertThat(
            tunnels()
                .admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.empty())
                .generation())
        .isEqualTo(1);
    Tunnel tunnel = tunnels().describe(scope, opened.tunnelId());
    assertThat(tunnel.expiresAt()).isEqualTo(expiresAt);
    assertThat(tunnel.destination())
        .contains(new DestinationConfig(Optional.of("lamp-9"), List.of("RDP")));
    List<ChangeEvent> log = tunnelLog(scope, head);
    assertThat(log).extracting(ChangeEvent::kind).containsExactly(ChangeKind.UPDATED);
    JsonNode state = JSON.readTree(log.get(0).stateJson());
    assertThat(state.path("sourceGeneration").asInt()).isEqualTo(1);
    assertThat(state.path("destinationGeneration").asInt()).isEqualTo(2);

    RotatedTokens both =
        tunnels().rotate(scope, opened.tunnelId(), RotationMode.ALL, Optional.empty());
    assertThat(
            tunnels()
                .admit(both.sourceAccessToken().orElseThrow(), ClientMode.SOURCE, Optional.empty())
                .generation())
        .isEqualTo(2);
    assertThat(
            tunnels()
                .admit(
                    both.destinationAccessToken().orElseThrow(),
                    ClientMode.DESTINATION,
                    Optional.empty())
                .generation())
        .isEqualTo(3);
  }

  @Test
  void rotate_refusesADestinationWithSourceMode_andAClosedTunnel() {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);
    long head = logHead();

    assertRefused(
        () ->
            tunnels()
                .rotate(
                    scope,
                    opened.tunnelId(),
                    RotationMode.SOURCE,
                    Optional.of(new DestinationConfig(Optional.of("lamp-1"), List.of("SSH")))),
        ErrorCode.INVALID_REQUEST);
    tunnels().close(scope, opened.tunnelId(), false);
    assertRefused(
        () -> tunnels().rotate(scope, opened.tunnelId(), RotationMode.ALL, Optional.empty()),
        ErrorCode.INVALID_REQUEST);
    assertThat(tunnelLog(scope, head))
        .extracting(ChangeEvent::kind)
        .containsExactly(ChangeKind.UPDATED);
  }

  @Test
  void aToken_isSingleUse_withoutAClientToken() {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);

    Admission admitted =
        tunnels().admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.empty());

    assertThat(admitted.scope()).isEqualTo(scope);
    assertThat(admitted.tunnelId()).isEqualTo(opened.tunnelId());
    assertThat(admitted.mode()).isEqualTo(ClientMode.SOURCE);
    assertThat(admitted.services()).containsExactly("SSH");
    assertThat(admitted.generation()).isEqualTo(1);
    assertThat(
            refusal(
                () ->
                    tunnels()
                        .admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.empty())))
        .isEqualTo(AdmissionRefusal.TOKEN_SPENT);
    // The other side's token is not spent by it.
    tunnels().admit(opened.destinationAccessToken(), ClientMode.DESTINATION, Optional.empty());
  }

  @Test
  void aTokenBoundToAClientToken_admitsThatClientTokenAgain_andNoOtherOne() {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);
    String mine = clientToken();

    tunnels().admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.of(mine));
    Admission again =
        tunnels().admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.of(mine));

    assertThat(again.tunnelId()).isEqualTo(opened.tunnelId());
    assertThat(
            refusal(
                () ->
                    tunnels()
                        .admit(
                            opened.sourceAccessToken(),
                            ClientMode.SOURCE,
                            Optional.of(clientToken()))))
        .isEqualTo(AdmissionRefusal.TOKEN_SPENT);
    assertThat(
            refusal(
                () ->
                    tunnels()
                        .admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.empty())))
        .isEqualTo(AdmissionRefusal.TOKEN_SPENT);
  }

  @Test
  void aClientTokenBoundInAnotherOpenTunnel_isInUse_untilThatTunnelCloses() {
    Scope scope = newScope();
    OpenedTunnel first = open(scope);
    OpenedTunnel second = open(newScope());
    String shared = clientToken();
    tunnels().admit(first.sourceAccessToken(), ClientMode.SOURCE, Optional.of(shared));

    assertThat(
            refusal(
                () ->
                    tunnels()
                        .admit(second.sourceAccessToken(), ClientMode.SOURCE, Optional.of(shared))))
        .isEqualTo(AdmissionRefusal.CLIENT_TOKEN_IN_USE);

    tunnels().close(scope, first.tunnelId(), false);
    assertThat(
            tunnels()
                .admit(second.sourceAccessToken(), ClientMode.SOURCE, Optional.of(shared))
                .tunnelId())
        .isEqualTo(second.tunnelId());
  }

  @Test
  void theOtherSidesToken_isTheWrongMode_andAnUnknownTokenIsUnknown() {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);

    assertThat(
            refusal(
                () ->
                    tunnels()
                        .admit(
                            opened.sourceAccessToken(), ClientMode.DESTINATION, Optional.empty())))
        .isEqualTo(AdmissionRefusal.WRONG_MODE);
    assertThat(refusal(() -> tunnels().admit("no-such-token", ClientMode.SOURCE, Optional.empty())))
        .isEqualTo(AdmissionRefusal.UNKNOWN_TOKEN);
    // A wrong-mode attempt does not spend the token.
    tunnels().admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.empty());
  }

  @Test
  void atTheEndOfItsLifetime_theTunnelIsClosed_withoutAnyWrite() {
    Scope scope = newScope();
    OpenedTunnel opened =
        tunnels()
            .open(
                scope,
                new TunnelRequest(
                    Optional.empty(),
                    Map.of(),
                    Optional.of(new DestinationConfig(Optional.of("lamp-1"), List.of())),
                    30));
    clock().advance(Duration.ofMinutes(29));
    assertThat(tunnels().describe(scope, opened.tunnelId()).status()).isEqualTo(TunnelStatus.OPEN);
    long head = logHead();

    clock().advance(Duration.ofMinutes(1));

    assertThat(tunnels().describe(scope, opened.tunnelId()).status())
        .isEqualTo(TunnelStatus.CLOSED);
    assertThat(tunnels().list(scope, Optional.of("lamp-1"), PageRequest.first(5)).items())
        .extracting(Tunnel::status)
        .containsExactly(TunnelStatus.CLOSED);
    assertThat(
            refusal(
                () ->
                    tunnels()
                        .admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.empty())))
        .isEqualTo(AdmissionRefusal.TUNNEL_CLOSED);
    assertRefused(
        () -> tunnels().rotate(scope, opened.tunnelId(), RotationMode.ALL, Optional.empty()),
        ErrorCode.INVALID_REQUEST);
    assertThat(tunnelLog(scope, head)).isEmpty();
  }

  @Test
  void connectionReports_setTheSidesState_andLogUpdated() {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);
    clock().advance(Duration.ofSeconds(7));
    long head = logHead();

    tunnels()
        .recordConnection(
            scope, opened.tunnelId(), ClientMode.DESTINATION, ConnectionStatus.CONNECTED);

    Tunnel tunnel = tunnels().describe(scope, opened.tunnelId());
    assertThat(tunnel.destinationConnection().status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(tunnel.destinationConnection().lastUpdatedAt()).isEqualTo(clock().instant());
    assertThat(tunnel.sourceConnection().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    assertThat(tunnel.lastUpdatedAt()).isEqualTo(clock().instant());
    assertThat(tunnelLog(scope, head))
        .extracting(ChangeEvent::kind)
        .containsExactly(ChangeKind.UPDATED);

    tunnels()
        .recordConnection(
            scope, opened.tunnelId(), ClientMode.DESTINATION, ConnectionStatus.DISCONNECTED);
    assertThat(tunnels().describe(scope, opened.tunnelId()).destinationConnection().status())
        .isEqualTo(ConnectionStatus.DISCONNECTED);
  }

  @Test
  void tags_keepTheirOrder_areOverwrittenAndRemovedByKey_andOnlyInTheirScope() {
    Scope scope = newScope();
    OpenedTunnel opened =
        tunnels()
            .open(
                scope, new TunnelRequest(Optional.empty(), Map.of("b", "1"), Optional.empty(), 60));
    Map<String, String> more = new LinkedHashMap<>();
    more.put("a", "2");
    more.put("b", "3");
    more.put("c", "4");
    long head = logHead();

    tunnels().tag(scope, opened.tunnelArn(), more);
    tunnels().untag(scope, opened.tunnelArn(), List.of("c", "never-set"));

    assertThat(tunnels().tags(scope, opened.tunnelArn()))
        .containsExactly(Map.entry("b", "3"), Map.entry("a", "2"));
    assertThat(tunnels().describe(scope, opened.tunnelId()).tags())
        .containsExactly(Map.entry("b", "3"), Map.entry("a", "2"));
    assertThat(tunnelLog(scope, head))
        .extracting(ChangeEvent::kind)
        .containsExactly(ChangeKind.UPDATED, ChangeKind.UPDATED);
    Scope other = newScope();
    assertRefused(() -> tunnels().tags(other, opened.tunnelArn()), ErrorCode.RESOURCE_NOT_FOUND);
    assertRefused(
        () -> tunnels().tag(other, opened.tunnelArn(), Map.of("x", "y")),
        ErrorCode.RESOURCE_NOT_FOUND);
    assertRefused(
        () -> tunnels().tags(scope, "arn:aws:iot:eu-west-1:" + scope.account() + ":thing/x"),
        ErrorCode.INVALID_REQUEST);
  }

  @Test
  void theChangeLog_carriesNoTokenNorHashOfOne() {
    Scope scope = newScope();
    long head = logHead();
    OpenedTunnel opened = open(scope);
    RotatedTokens rotated =
        tunnels().rotate(scope, opened.tunnelId(), RotationMode.ALL, Optional.empty());
    tunnels().close(scope, opened.tunnelId(), true);

    List<String> secrets =
        List.of(
            opened.sourceAccessToken(),
            opened.destinationAccessToken(),
            rotated.sourceAccessToken().orElseThrow(),
            rotated.destinationAccessToken().orElseThrow());
    List<ChangeEvent> log = tunnelLog(scope, head);
    assertThat(log)
        .extracting(ChangeEvent::kind)
        .containsExactly(ChangeKind.CREATED, ChangeKind.UPDATED, ChangeKind.DELETED);
    for (ChangeEvent event : log) {
      for (String secret : secrets) {
        assertThat(event.stateJson()).doesNotContain(secret).doesNotContain(sha256Hex(secret));
      }
    }
  }

  @Test
  void theStore_keepsOnlyHashesOfTheTokens() {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);

    StoredTunnel row = repository().find(scope, opened.tunnelId()).orElseThrow();

    assertThat(row.source().tokenHash()).isEqualTo(sha256Hex(opened.sourceAccessToken()));
    assertThat(row.destinationSide().tokenHash())
        .isEqualTo(sha256Hex(opened.destinationAccessToken()));
    assertThat(repository().findByTokenHash(sha256Hex(opened.destinationAccessToken())))
        .hasValueSatisfying(found -> assertThat(found.scope()).isEqualTo(scope));
  }

  @Test
  void anotherScope_cannotSeeCloseRotateOrListTheTunnel() {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);
    Scope other = new Scope(newAccountId(), scope.region());
    Scope otherRegion = Scope.of(scope.account().value(), "us-east-1");

    for (Scope stranger : List.of(other, otherRegion)) {
      assertRefused(
          () -> tunnels().describe(stranger, opened.tunnelId()), ErrorCode.RESOURCE_NOT_FOUND);
      assertRefused(
          () -> tunnels().close(stranger, opened.tunnelId(), true), ErrorCode.RESOURCE_NOT_FOUND);
      assertRefused(
          () -> tunnels().rotate(stranger, opened.tunnelId(), RotationMode.ALL, Optional.empty()),
          ErrorCode.RESOURCE_NOT_FOUND);
      assertThat(tunnels().list(stranger, Optional.empty(), PageRequest.first(10)).items())
          .isEmpty();
      tunnels()
          .recordConnection(
              stranger, opened.tunnelId(), ClientMode.SOURCE, ConnectionStatus.CONNECTED);
    }
    Tunnel tunnel = tunnels().describe(scope, opened.tunnelId());
    assertThat(tunnel.status()).isEqualTo(TunnelStatus.OPEN);
    assertThat(tunnel.sourceConnection().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
  }

  @Test
  void twoRacingAdmissionsOfOneToken_admitExactlyOne() throws Exception {
    Scope scope = newScope();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        OpenedTunnel opened = open(scope);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          // Different client tokens, so neither may come in on the other's binding.
          String client = clientToken();
          Callable<Boolean> admit =
              () -> {
                start.await();
                try {
                  tunnels()
                      .admit(opened.sourceAccessToken(), ClientMode.SOURCE, Optional.of(client));
                  return true;
                } catch (TunnelAdmissionException e) {
                  assertThat(e.refusal()).isEqualTo(AdmissionRefusal.TOKEN_SPENT);
                  return false;
                }
              };
          results.add(threads.submit(admit));
        }
        start.countDown();
        List<Boolean> admitted = new ArrayList<>();
        for (Future<Boolean> result : results) {
          admitted.add(result.get());
        }
        assertThat(admitted).containsExactlyInAnyOrder(true, false);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void update_isACompareAndSetOnTheVersion() {
    Scope scope = newScope();
    OpenedTunnel opened = open(scope);
    StoredTunnel read = repository().find(scope, opened.tunnelId()).orElseThrow();
    StoredTunnel spent =
        read.withSide(ClientMode.SOURCE, read.source().spent("c-1"), read.lastUpdatedAt());

    assertThat(tx(() -> repository().update(scope, spent, read.version()))).isTrue();
    assertThat(tx(() -> repository().update(scope, spent, read.version()))).isFalse();
    assertThat(tx(() -> repository().update(newScope(), spent, read.version() + 1))).isFalse();
    StoredTunnel stored = repository().find(scope, opened.tunnelId()).orElseThrow();
    assertThat(stored.version()).isEqualTo(read.version() + 1);
    assertThat(stored.source().spent()).isTrue();
    assertThat(stored.source().clientToken()).isEqualTo("c-1");
    assertThat(repository().findByClientToken("c-1"))
        .singleElement()
        .satisfies(found -> assertThat(found.tunnel().tunnelId()).isEqualTo(opened.tunnelId()));
  }
}

package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iotsecuretunneling.IoTSecureTunnelingClient;
import software.amazon.awssdk.services.iotsecuretunneling.model.ClientMode;
import software.amazon.awssdk.services.iotsecuretunneling.model.ConnectionStatus;
import software.amazon.awssdk.services.iotsecuretunneling.model.IoTSecureTunnelingException;
import software.amazon.awssdk.services.iotsecuretunneling.model.ListTunnelsResponse;
import software.amazon.awssdk.services.iotsecuretunneling.model.OpenTunnelResponse;
import software.amazon.awssdk.services.iotsecuretunneling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iotsecuretunneling.model.RotateTunnelAccessTokenResponse;
import software.amazon.awssdk.services.iotsecuretunneling.model.Tag;
import software.amazon.awssdk.services.iotsecuretunneling.model.Tunnel;
import software.amazon.awssdk.services.iotsecuretunneling.model.TunnelStatus;
import software.amazon.awssdk.services.iotsecuretunneling.model.TunnelSummary;

/**
 * The IoTSecuredTunneling API (AWS JSON 1.1) through the AWS SDK's client against the running
 * server: every operation, and AWS's errors for bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TunnelsIT {
  private TestServer server;
  private IoTSecureTunnelingClient tunneling;

  @BeforeAll
  void start() {
    server = TestServer.start();
    tunneling = server.tunneling();
  }

  @AfterAll
  void stop() {
    tunneling.close();
    server.close();
  }

  @Test
  void openTunnel_returnsTwoTokens_andDescribeShowsTheTunnel() {
    Instant before = Instant.now().minusSeconds(1);
    OpenTunnelResponse opened =
        tunneling.openTunnel(
            b ->
                b.description("ssh to lamp-7")
                    .destinationConfig(d -> d.thingName("lamp-7").services("SSH"))
                    .timeoutConfig(t -> t.maxLifetimeTimeoutMinutes(30))
                    .tags(Tag.builder().key("site").value("harbour").build()));

    assertThat(opened.tunnelId()).matches("[a-zA-Z0-9_\\-+=:]{1,128}");
    assertThat(opened.tunnelArn())
        .isEqualTo(
            "arn:aws:iot:"
                + TestServer.REGION.id()
                + ":"
                + TestServer.ROOT_ACCOUNT
                + ":tunnel/"
                + opened.tunnelId());
    assertThat(opened.sourceAccessToken()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(opened.destinationAccessToken())
        .hasSizeGreaterThanOrEqualTo(43)
        .isNotEqualTo(opened.sourceAccessToken());

    Tunnel tunnel = tunneling.describeTunnel(b -> b.tunnelId(opened.tunnelId())).tunnel();
    assertThat(tunnel.status()).isEqualTo(TunnelStatus.OPEN);
    assertThat(tunnel.description()).isEqualTo("ssh to lamp-7");
    assertThat(tunnel.destinationConfig().thingName()).isEqualTo("lamp-7");
    assertThat(tunnel.destinationConfig().services()).containsExactly("SSH");
    assertThat(tunnel.timeoutConfig().maxLifetimeTimeoutMinutes()).isEqualTo(30);
    assertThat(tunnel.sourceConnectionState().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    assertThat(tunnel.destinationConnectionState().status())
        .isEqualTo(ConnectionStatus.DISCONNECTED);
    assertThat(tunnel.tags()).containsExactly(Tag.builder().key("site").value("harbour").build());
    assertThat(tunnel.createdAt()).isAfter(before);
    assertThat(tunnel.lastUpdatedAt()).isAfterOrEqualTo(tunnel.createdAt());
  }

  @Test
  void openTunnel_withoutTimeout_livesTwelveHours() {
    String id = tunneling.openTunnel(b -> b.description("default lifetime")).tunnelId();

    Tunnel tunnel = tunneling.describeTunnel(b -> b.tunnelId(id)).tunnel();
    assertThat(tunnel.timeoutConfig().maxLifetimeTimeoutMinutes()).isEqualTo(720);
    assertThat(tunnel.destinationConfig()).isNull();
  }

  @Test
  void closeTunnel_closesIt_andWithDelete_removesIt() {
    String kept = tunneling.openTunnel(b -> b.description("kept")).tunnelId();
    String deleted = tunneling.openTunnel(b -> b.description("deleted")).tunnelId();

    tunneling.closeTunnel(b -> b.tunnelId(kept));
    tunneling.closeTunnel(b -> b.tunnelId(kept));
    tunneling.closeTunnel(b -> b.tunnelId(deleted).delete(true));

    assertThat(tunneling.describeTunnel(b -> b.tunnelId(kept)).tunnel().status())
        .isEqualTo(TunnelStatus.CLOSED);
    assertThatThrownBy(() -> tunneling.describeTunnel(b -> b.tunnelId(deleted)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void tunnels_closeThemselves_whenTheirLifetimeEnds() {
    String id =
        tunneling.openTunnel(b -> b.timeoutConfig(t -> t.maxLifetimeTimeoutMinutes(1))).tunnelId();

    server.clock.advance(Duration.ofSeconds(61));
    try {
      assertThat(tunneling.describeTunnel(b -> b.tunnelId(id)).tunnel().status())
          .isEqualTo(TunnelStatus.CLOSED);
    } finally {
      server.clock.reset();
    }
  }

  @Test
  void listTunnels_filtersByThing_andPages_newestFirst() {
    List<String> ids =
        List.of("first", "second", "third").stream()
            .map(
                d ->
                    tunneling
                        .openTunnel(
                            b ->
                                b.description(d)
                                    .destinationConfig(
                                        c -> c.thingName("lamp-list").services("SSH")))
                        .tunnelId())
            .toList();

    ListTunnelsResponse page1 = tunneling.listTunnels(b -> b.thingName("lamp-list").maxResults(2));
    ListTunnelsResponse page2 =
        tunneling.listTunnels(
            b -> b.thingName("lamp-list").maxResults(2).nextToken(page1.nextToken()));

    assertThat(page1.tunnelSummaries()).extracting(TunnelSummary::tunnelId).hasSize(2);
    assertThat(page2.nextToken()).isNull();
    List<String> listed =
        java.util.stream.Stream.concat(
                page1.tunnelSummaries().stream(), page2.tunnelSummaries().stream())
            .map(TunnelSummary::tunnelId)
            .toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(page1.tunnelSummaries().get(0).status()).isEqualTo(TunnelStatus.OPEN);
    assertThat(tunneling.listTunnels(b -> b.thingName("no-such-lamp")).tunnelSummaries()).isEmpty();
  }

  @Test
  void everyPageToken_fitsTheServicesPattern_andResumesTheListing() {
    for (int i = 0; i < 6; i++) {
      tunneling.openTunnel(
          b -> b.destinationConfig(c -> c.thingName("lamp-pages").services("SSH")));
    }
    for (int pass = 0; pass < 2; pass++) {
      List<String> seen = new java.util.ArrayList<>();
      String token = null;
      do {
        String after = token;
        ListTunnelsResponse page =
            tunneling.listTunnels(b -> b.thingName("lamp-pages").maxResults(1).nextToken(after));
        page.tunnelSummaries().forEach(t -> seen.add(t.tunnelId()));
        token = page.nextToken();
        if (token != null) {
          assertThat(token).matches("[a-zA-Z0-9_=-]{1,4096}");
        }
      } while (token != null);
      assertThat(seen).hasSize(6).doesNotHaveDuplicates();
    }
  }

  @Test
  void rotateTunnelAccessToken_replacesTheTokensOfTheMode_withoutExtendingTheLifetime() {
    OpenTunnelResponse opened =
        tunneling.openTunnel(
            b -> b.destinationConfig(d -> d.thingName("lamp-rotate").services("SSH")));
    Tunnel before = tunneling.describeTunnel(b -> b.tunnelId(opened.tunnelId())).tunnel();

    RotateTunnelAccessTokenResponse source =
        tunneling.rotateTunnelAccessToken(
            b -> b.tunnelId(opened.tunnelId()).clientMode(ClientMode.SOURCE));
    RotateTunnelAccessTokenResponse all =
        tunneling.rotateTunnelAccessToken(
            b -> b.tunnelId(opened.tunnelId()).clientMode(ClientMode.ALL));

    assertThat(source.tunnelArn()).isEqualTo(opened.tunnelArn());
    assertThat(source.sourceAccessToken()).isNotEqualTo(opened.sourceAccessToken());
    assertThat(source.destinationAccessToken()).isNull();
    assertThat(all.sourceAccessToken()).isNotNull().isNotEqualTo(source.sourceAccessToken());
    assertThat(all.destinationAccessToken())
        .isNotNull()
        .isNotEqualTo(opened.destinationAccessToken());
    Tunnel after = tunneling.describeTunnel(b -> b.tunnelId(opened.tunnelId())).tunnel();
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(after.timeoutConfig()).isEqualTo(before.timeoutConfig());
  }

  @Test
  void tags_areAddedListedAndRemoved() {
    String arn = tunneling.openTunnel(b -> b.description("tagged")).tunnelArn();

    tunneling.tagResource(
        b ->
            b.resourceArn(arn)
                .tags(
                    Tag.builder().key("owner").value("ops").build(),
                    Tag.builder().key("ticket").value("42").build()));
    tunneling.untagResource(b -> b.resourceArn(arn).tagKeys("ticket", "absent"));

    assertThat(tunneling.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(Tag.builder().key("owner").value("ops").build());
  }

  @Test
  void unknownTunnels_areResourceNotFound() {
    String missing = "00000000-0000-0000-0000-000000000000";
    String arn = "arn:aws:iot:eu-west-1:" + TestServer.ROOT_ACCOUNT + ":tunnel/" + missing;

    assertThatThrownBy(() -> tunneling.describeTunnel(b -> b.tunnelId(missing)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining(missing);
    assertThatThrownBy(() -> tunneling.closeTunnel(b -> b.tunnelId(missing)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                tunneling.rotateTunnelAccessToken(
                    b -> b.tunnelId(missing).clientMode(ClientMode.ALL)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> tunneling.listTagsForResource(b -> b.resourceArn(arn)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void badInput_isRefused_andCreatesNothing() {
    int before = tunneling.listTunnels(b -> b.maxResults(100)).tunnelSummaries().size();

    assertThatThrownBy(
            () -> tunneling.openTunnel(b -> b.timeoutConfig(t -> t.maxLifetimeTimeoutMinutes(721))))
        .isInstanceOf(IoTSecureTunnelingException.class)
        .satisfies(e -> assertThat(((IoTSecureTunnelingException) e).statusCode()).isEqualTo(400))
        .hasMessageContaining("maxLifetimeTimeoutMinutes");
    assertThatThrownBy(
            () ->
                tunneling.openTunnel(
                    b -> b.destinationConfig(d -> d.thingName("bad name!").services("SSH"))))
        .isInstanceOf(IoTSecureTunnelingException.class)
        .hasMessageContaining("thingName");
    assertThatThrownBy(
            () ->
                tunneling.openTunnel(
                    b ->
                        b.destinationConfig(
                            d -> d.thingName("lamp-4").services("A", "B", "C", "D"))))
        .isInstanceOf(IoTSecureTunnelingException.class)
        .hasMessageContaining("services");

    assertThat(tunneling.listTunnels(b -> b.maxResults(100)).tunnelSummaries()).hasSize(before);
  }
}

package dev.lamplighter.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.tunnels.ClientMode;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The relay's checks of an upgrade request before it asks about the token. */
class HandshakeRequestTest {
  private static final String CLIENT_TOKEN = "0123456789abcdef0123456789abcdef";

  private static FullHttpRequest upgrade(HttpMethod method, String uri) {
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri);
    request.headers().set("Host", "localhost");
    request.headers().set("Upgrade", "websocket");
    request.headers().set("Connection", "upgrade");
    request.headers().set("Sec-WebSocket-Key", "yz7+XVQCL9DgFnthqkkKTw==");
    request.headers().set("Sec-WebSocket-Version", "13");
    request.headers().set("Sec-WebSocket-Protocol", "aws.iot.securetunneling-3.0");
    request.headers().set("access-token", "TOKEN");
    return request;
  }

  private static FullHttpRequest destination() {
    return upgrade(HttpMethod.GET, "/tunnel?local-proxy-mode=destination");
  }

  private static HttpResponseStatus refusal(FullHttpRequest request) {
    try {
      HandshakeRequest.of(request);
    } catch (HandshakeRequest.Refused refused) {
      return refused.status;
    } finally {
      request.release();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void theLocalProxysRequest_isAccepted() {
    FullHttpRequest request = destination();
    request.headers().set("client-token", CLIENT_TOKEN);

    assertThat(HandshakeRequest.of(request))
        .isEqualTo(
            new HandshakeRequest(ClientMode.DESTINATION, "TOKEN", Optional.of(CLIENT_TOKEN)));
  }

  @Test
  void theBrowsersCookie_carriesTheTokenToo() {
    FullHttpRequest request = upgrade(HttpMethod.GET, "/tunnel?local-proxy-mode=source");
    request.headers().remove("access-token");
    request.headers().set("Cookie", "theme=dark; awsiot-tunnel-token=FROMCOOKIE");
    request.headers().set("Sec-WebSocket-Protocol", "aws.iot.securetunneling-1.0");

    assertThat(HandshakeRequest.of(request).accessToken()).isEqualTo("FROMCOOKIE");
  }

  @Test
  void aTokenInBothPlaces_orInNone_isRefused() {
    FullHttpRequest both = destination();
    both.headers().set("Cookie", "awsiot-tunnel-token=OTHER");
    FullHttpRequest none = destination();
    none.headers().remove("access-token");

    assertThat(refusal(both)).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
    assertThat(refusal(none)).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
  }

  @Test
  void aMissingOrUnknownMode_isABadRequest() {
    assertThat(refusal(upgrade(HttpMethod.GET, "/tunnel")))
        .isEqualTo(HttpResponseStatus.BAD_REQUEST);
    assertThat(refusal(upgrade(HttpMethod.GET, "/tunnel?local-proxy-mode=both")))
        .isEqualTo(HttpResponseStatus.BAD_REQUEST);
  }

  @Test
  void withoutATunnelingSubprotocol_isABadRequest() {
    FullHttpRequest request = destination();
    request.headers().set("Sec-WebSocket-Protocol", "mqtt");

    assertThat(refusal(request)).isEqualTo(HttpResponseStatus.BAD_REQUEST);
  }

  @Test
  void aMalformedOrRepeatedClientToken_isABadRequest() {
    FullHttpRequest shortToken = destination();
    shortToken.headers().set("client-token", "too-short");
    FullHttpRequest twice = destination();
    twice.headers().add("client-token", CLIENT_TOKEN).add("client-token", CLIENT_TOKEN);

    assertThat(refusal(shortToken)).isEqualTo(HttpResponseStatus.BAD_REQUEST);
    assertThat(refusal(twice)).isEqualTo(HttpResponseStatus.BAD_REQUEST);
  }

  @Test
  void anythingButAWebSocketGet_isRefused() {
    FullHttpRequest plain = destination();
    plain.headers().remove("Upgrade");

    assertThat(refusal(plain)).isEqualTo(HttpResponseStatus.BAD_REQUEST);
    assertThat(refusal(upgrade(HttpMethod.POST, "/tunnel?local-proxy-mode=source")))
        .isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
  }

  @Test
  void aRequestOver4KiB_isRefused() {
    FullHttpRequest request = destination();
    request.headers().set("x-padding", "p".repeat(4_096));

    assertThat(refusal(request)).isEqualTo(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
  }
}

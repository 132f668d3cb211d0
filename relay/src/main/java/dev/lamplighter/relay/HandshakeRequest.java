package dev.lamplighter.relay;

import dev.lamplighter.tunnels.ClientMode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A relay client's upgrade request, checked as the protocol asks: {@code GET
 * /tunnel?local-proxy-mode=source|destination}, a WebSocket upgrade offering one of the tunneling
 * subprotocols, exactly one access token ({@code access-token} header or {@code
 * awsiot-tunnel-token} cookie), at most one well-formed {@code client-token}, all within 4 KiB.
 */
record HandshakeRequest(ClientMode mode, String accessToken, Optional<String> clientToken) {
  static final List<String> SUBPROTOCOLS =
      List.of(
          "aws.iot.securetunneling-3.0",
          "aws.iot.securetunneling-2.0",
          "aws.iot.securetunneling-1.0");
  static final int MAX_REQUEST_BYTES = 4096;

  private static final Pattern CLIENT_TOKEN = Pattern.compile("[a-zA-Z0-9-]{32,128}");
  private static final String TOKEN_HEADER = "access-token";
  private static final String TOKEN_COOKIE = "awsiot-tunnel-token";
  private static final String CLIENT_TOKEN_HEADER = "client-token";

  /** Why an upgrade request is refused, with the status that tells the client not to retry. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient HttpResponseStatus status;

    Refused(HttpResponseStatus status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  static HandshakeRequest of(FullHttpRequest request) {
    if (size(request) > MAX_REQUEST_BYTES) {
      throw bad(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "the request is over 4 KiB");
    }
    if (!HttpMethod.GET.equals(request.method())) {
      throw bad(HttpResponseStatus.METHOD_NOT_ALLOWED, "the tunnel is opened with GET");
    }
    if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
      throw bad(HttpResponseStatus.BAD_REQUEST, "the request is not a WebSocket upgrade");
    }
    ClientMode mode = mode(new QueryStringDecoder(request.uri()).parameters());
    if (!offersSubprotocol(request)) {
      throw bad(
          HttpResponseStatus.BAD_REQUEST,
          "Sec-WebSocket-Protocol offers none of " + String.join(", ", SUBPROTOCOLS));
    }
    List<String> clientTokens = request.headers().getAll(CLIENT_TOKEN_HEADER);
    if (clientTokens.size() > 1) {
      throw bad(HttpResponseStatus.BAD_REQUEST, "more than one client-token");
    }
    Optional<String> clientToken = clientTokens.stream().findFirst();
    if (clientToken.isPresent() && !CLIENT_TOKEN.matcher(clientToken.get()).matches()) {
      throw bad(
          HttpResponseStatus.BAD_REQUEST,
          "client-token must be 32 to 128 letters, digits or hyphens");
    }
    return new HandshakeRequest(mode, accessToken(request), clientToken);
  }

  private static ClientMode mode(Map<String, List<String>> parameters) {
    List<String> modes = parameters.getOrDefault("local-proxy-mode", List.of());
    if (modes.size() == 1) {
      for (ClientMode mode : ClientMode.values()) {
        if (mode.queryValue().equals(modes.get(0))) {
          return mode;
        }
      }
    }
    throw bad(HttpResponseStatus.BAD_REQUEST, "local-proxy-mode must be source or destination");
  }

  private static boolean offersSubprotocol(FullHttpRequest request) {
    for (String header : request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
      for (String offered : header.split(",")) {
        if (SUBPROTOCOLS.contains(offered.trim())) {
          return true;
        }
      }
    }
    return false;
  }

  private static String accessToken(FullHttpRequest request) {
    List<String> tokens = new ArrayList<>(request.headers().getAll(TOKEN_HEADER));
    for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
      for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(header)) {
        if (TOKEN_COOKIE.equals(cookie.name())) {
          tokens.add(cookie.value());
        }
      }
    }
    if (tokens.size() != 1 || tokens.get(0).isEmpty()) {
      throw bad(
          HttpResponseStatus.UNAUTHORIZED,
          "exactly one access token is needed, in the access-token header or the "
              + "awsiot-tunnel-token cookie");
    }
    return tokens.get(0);
  }

  private static int size(FullHttpRequest request) {
    int size = request.method().name().length() + request.uri().length() + 12;
    for (Map.Entry<String, String> header : request.headers()) {
      size += header.getKey().length() + header.getValue().length() + 4;
    }
    return size + request.content().readableBytes();
  }

  private static Refused bad(HttpResponseStatus status, String message) {
    return new Refused(status, message);
  }
}

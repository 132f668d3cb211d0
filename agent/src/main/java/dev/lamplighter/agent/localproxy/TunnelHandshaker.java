package dev.lamplighter.agent.localproxy;

import dev.lamplighter.relay.protocol.TunnelFrames;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;

/**
 * The WebSocket upgrade as AWS's local proxy v3 makes it: it offers only {@value #OFFERED}, yet
 * accepts a relay that picks 2.0 or 1.0 (the three are interoperable), and refuses a 101 that picks
 * none.
 */
final class TunnelHandshaker extends WebSocketClientHandshaker13 {
  static final String OFFERED = "aws.iot.securetunneling-3.0";
  private static final String ACCEPTED =
      OFFERED + ",aws.iot.securetunneling-2.0,aws.iot.securetunneling-1.0";
  private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  TunnelHandshaker(URI uri, HttpHeaders headers) {
    super(
        uri,
        WebSocketVersion.V13,
        ACCEPTED,
        false,
        headers,
        TunnelFrames.MAX_WEBSOCKET_FRAME_BYTES,
        true,
        false,
        HANDSHAKE_TIMEOUT_MILLIS);
  }

  @Override
  protected FullHttpRequest newHandshakeRequest() {
    FullHttpRequest request = super.newHandshakeRequest();
    request.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, OFFERED);
    return request;
  }
}

package dev.lamplighter.gateway.dataplane;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Whole answers of the data-plane listener's routes: the response, then keep-alive or close. */
public final class DataPlaneResponses {
  private DataPlaneResponses() {}

  /** A plain-text answer to {@code request} (null when it could not be read). */
  static void error(
      ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status, String message) {
    send(
        ctx,
        request != null && HttpUtil.isKeepAlive(request),
        status,
        HttpHeaderValues.TEXT_PLAIN,
        (message + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  /**
   * Writes one HTTP/1.1 response with {@code body}; keeps the connection open when the request
   * asked for it, else closes it once written.
   */
  public static void send(
      ChannelHandlerContext ctx,
      boolean keepAlive,
      HttpResponseStatus status,
      CharSequence contentType,
      byte[] body,
      Map<String, String> headers) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    headers.forEach(response.headers()::set);
    HttpUtil.setContentLength(response, body.length);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}

package dev.lamplighter.gateway.dataplane;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * One path family of the data-plane listener.
 *
 * <p>Threading: {@link #handle} runs on the connection's event loop; it writes the response itself
 * and must not block for long (local file reads are fine).
 */
public interface DataPlaneRoute {

  /**
   * Whether it serves {@code path}; the listener asks the routes in the order it was given them.
   */
  boolean serves(String path);

  /** Answers the request; the request is released by the caller afterwards. */
  void handle(ChannelHandlerContext ctx, FullHttpRequest request);
}

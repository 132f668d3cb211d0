package dev.lamplighter.gateway.dataplane;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.stream.ChunkedFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /files/{bucket}/{key}?expires=…&signature=…}: a presigned download from the built-in
 * file store (see {@link FileUrls}). A URL that is not signed, signed for another object, or
 * expired is answered 403; a missing object 404.
 */
public final class FileDownloads implements DataPlaneRoute {
  private static final Logger EVENTS = LoggerFactory.getLogger("lamplighter.events");

  private final FileStore store;
  private final FileUrls urls;

  public FileDownloads(FileStore store, FileUrls urls) {
    this.store = store;
    this.urls = urls;
  }

  @Override
  public boolean serves(String path) {
    return path.startsWith(FileUrls.PATH_PREFIX);
  }

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
      DataPlaneResponses.error(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only");
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path().substring(FileUrls.PATH_PREFIX.length());
    int slash = path.indexOf('/');
    if (slash <= 0) {
      DataPlaneResponses.error(ctx, request, HttpResponseStatus.NOT_FOUND, "no such object");
      return;
    }
    String bucket = path.substring(0, slash);
    String key = path.substring(slash + 1);
    String refusal = urls.refusal(bucket, key, first(uri, "expires"), first(uri, "signature"));
    if (refusal != null) {
      EVENTS.info("file download of {}/{} refused: {}", bucket, key, refusal);
      DataPlaneResponses.error(ctx, request, HttpResponseStatus.FORBIDDEN, refusal);
      return;
    }
    Optional<Path> file = store.find(bucket, key);
    if (file.isEmpty()) {
      DataPlaneResponses.error(ctx, request, HttpResponseStatus.NOT_FOUND, "no such object");
      return;
    }
    send(ctx, request, file.get());
  }

  private static void send(ChannelHandlerContext ctx, FullHttpRequest request, Path path) {
    RandomAccessFile file;
    long length;
    try {
      file = new RandomAccessFile(path.toFile(), "r");
      length = file.length();
    } catch (IOException e) {
      DataPlaneResponses.error(ctx, request, HttpResponseStatus.NOT_FOUND, "no such object");
      return;
    }
    HttpResponse response =
        new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.OK);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM);
    HttpUtil.setContentLength(response, length);
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    ctx.write(response);
    if (request.method().equals(HttpMethod.HEAD)) {
      closeQuietly(file);
      finish(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
      return;
    }
    try {
      finish(
          ctx.writeAndFlush(new HttpChunkedInput(new ChunkedFile(file, 0, length, 64 * 1024))),
          keepAlive);
    } catch (IOException e) {
      closeQuietly(file);
      ctx.close();
    }
  }

  private static void finish(io.netty.channel.ChannelFuture future, boolean keepAlive) {
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static void closeQuietly(RandomAccessFile file) {
    try {
      file.close();
    } catch (IOException ignored) {
      // Nothing was read; nothing to report.
    }
  }

  private static String first(QueryStringDecoder uri, String name) {
    List<String> values = uri.parameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}

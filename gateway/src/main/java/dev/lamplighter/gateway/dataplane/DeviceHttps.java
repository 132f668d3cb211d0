package dev.lamplighter.gateway.dataplane;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.auth.DeviceRequests;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the device APIs over HTTPS with client certificates share: the peer's certificate, the
 * policy check of an operation on the thing, and AWS's rest-json answers.
 */
public final class DeviceHttps {
  private static final Logger EVENTS = LoggerFactory.getLogger("lamplighter.events");

  private DeviceHttps() {}

  /** The client certificate the TLS handshake verified, or null without one. */
  public static X509Certificate peerCertificate(ChannelHandlerContext ctx) {
    SslHandler tls = ctx.pipeline().get(SslHandler.class);
    if (tls == null) {
      return null;
    }
    try {
      Certificate[] chain = tls.engine().getSession().getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? leaf : null;
    } catch (SSLPeerUnverifiedException none) {
      return null;
    }
  }

  /**
   * The scope of a request its certificate's policies allow.
   *
   * @param operation the AWS operation, for messages
   * @param actions the policy actions any of which allows it
   * @throws dev.lamplighter.core.error.ServiceException CERTIFICATE_VALIDATION for a certificate
   *     the server does not accept, FORBIDDEN for an action its policies do not allow
   */
  public static Scope authorize(
      DeviceRequests authorization,
      X509Certificate certificate,
      String thingName,
      String operation,
      String... actions) {
    DeviceRequests.Decision decision = authorization.authorize(certificate, thingName, actions);
    if (decision instanceof DeviceRequests.Allowed allowed) {
      return allowed.scope();
    }
    if (decision instanceof DeviceRequests.Forbidden forbidden) {
      EVENTS.info("HTTPS {} refused: {}", operation, forbidden.detail());
      throw ErrorCode.FORBIDDEN.exception(
          "The client certificate is not authorized to perform %s on thing %s.",
          operation, thingName);
    }
    EVENTS.info(
        "HTTPS {} refused: {}",
        operation,
        ((DeviceRequests.UntrustedCertificate) decision).detail());
    throw ErrorCode.CERTIFICATE_VALIDATION.exception("The certificate is invalid.");
  }

  /** A JSON answer. */
  public static void json(
      ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, byte[] body) {
    DataPlaneResponses.send(
        ctx, keepAlive, status, HttpHeaderValues.APPLICATION_JSON, body, Map.of());
  }

  /** An AWS rest-json error: the type in {@code x-amzn-ErrorType}, the message in the body. */
  public static void error(
      ChannelHandlerContext ctx, boolean keepAlive, ErrorCode code, String message) {
    String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
    DataPlaneResponses.send(
        ctx,
        keepAlive,
        HttpResponseStatus.valueOf(code.httpStatus()),
        HttpHeaderValues.APPLICATION_JSON,
        ("{\"message\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8),
        Map.of("x-amzn-ErrorType", code.awsType()));
  }
}

package dev.lamplighter.bench.ceiling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lamplighter.api.sigv4.SigV4Verifier;
import dev.lamplighter.api.sigv4.SignedRequest;
import dev.lamplighter.bench.BenchCredentials;
import dev.lamplighter.core.SuppressForbidden;
import dev.lamplighter.core.error.ServiceException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Answers every request with a fixed DescribeThing-shaped body once its signature verifies, and
 * with the error catalogue's status (403, or 400 for a malformed signature) when it does not.
 * Nothing is routed, parsed or stored.
 */
@SuppressForbidden(reason = "the ceiling is the JDK's built-in HTTP server by design")
final class CeilingHandler implements HttpHandler {
  static final byte[] DESCRIBE_THING_BODY =
      ("{\"defaultClientId\":\"bench-thing-000\",\"thingName\":\"bench-thing-000\","
              + "\"thingId\":\"5c0b2e6c-2f3f-4b7e-9a51-3f6c1d1e8a42\","
              + "\"thingArn\":\"arn:aws:iot:"
              + BenchCredentials.REGION
              + ":"
              + BenchCredentials.ACCOUNT_ID
              + ":thing/bench-thing-000\","
              + "\"attributes\":{\"bench\":\"registry\"},\"version\":1}")
          .getBytes(StandardCharsets.UTF_8);

  private final SigV4Verifier verifier;

  CeilingHandler(SigV4Verifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      SignedRequest request =
          new SignedRequest(
              exchange.getRequestMethod(),
              uri.getRawPath(),
              uri.getRawQuery(),
              exchange.getRequestHeaders(),
              body);
      int status;
      byte[] response;
      try {
        verifier.verify(request);
        status = 200;
        response = DESCRIBE_THING_BODY;
      } catch (ServiceException e) {
        status = e.code().httpStatus();
        response = errorBody(e);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    } finally {
      exchange.close();
    }
  }

  private static byte[] errorBody(ServiceException e) {
    return ("{\"__type\":\"" + e.code().awsType() + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}

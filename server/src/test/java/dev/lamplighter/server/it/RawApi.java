package dev.lamplighter.server.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Raw HTTP requests, signed with the AWS SDK's own SigV4 signer, for what an SDK would never send:
 * malformed JSON, wrong member types, oversized bodies, unknown paths.
 */
final class RawApi {
  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  RawApi(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** A request signed by the root account for service {@code iot}. */
  HttpResponse<String> send(String method, String pathAndQuery, String body) {
    return send(
        method, pathAndQuery, body, TestServer.ROOT_KEY, TestServer.ROOT_SECRET, Clock.systemUTC());
  }

  HttpResponse<String> send(
      String method, String pathAndQuery, String body, String key, String secret, Clock clock) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    URI uri = endpoint.resolve(pathAndQuery);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .uri(uri)
            .putHeader("Content-Type", "application/json")
            .build();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(AwsCredentialsIdentity.create(key, secret))
                    .request(unsigned)
                    .payload(ContentStreamProvider.fromByteArray(bytes))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iot")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, TestServer.REGION.id())
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("host")) {
        header.getValue().forEach(v -> request.header(header.getKey(), v));
      }
    }
    return exchange(request.build());
  }

  /** A request without any authentication. */
  HttpResponse<String> unsigned(String method, String pathAndQuery) {
    return exchange(
        HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

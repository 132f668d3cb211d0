package dev.lamplighter.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests an SDK client would not send (or whose exact answer a test reads), signed by the AWS
 * SDK's own SigV4 signer and sent over the JDK's HTTP client.
 */
public final class RawSignedRequests {
  private final HttpClient http = HttpClient.newHttpClient();
  private final AwsCredentialsIdentity identity;
  private final String region;

  public RawSignedRequests(String accessKeyId, String secret, String region) {
    this.identity = AwsCredentialsIdentity.create(accessKeyId, secret);
    this.region = region;
  }

  /** Sends {@code body} to {@code uri} with {@code headers}, signed for {@code signingName}. */
  public HttpResponse<String> send(
      String signingName, String method, URI uri, Map<String, String> headers, byte[] body) {
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    headers.forEach(unsigned::putHeader);
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(identity)
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    // The JDK's client sets Host itself and refuses it as a header.
    signed
        .request()
        .forEachHeader(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
              }
            });
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

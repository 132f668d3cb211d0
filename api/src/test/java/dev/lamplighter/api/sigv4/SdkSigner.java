package dev.lamplighter.api.sigv4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests with the AWS SDK for Java v2's own SigV4 signer and hands them over as the HTTP
 * server would receive them: the path and query as the SDK's HTTP client puts them on the wire, the
 * headers the signer added, and a {@code Host} header as the client would send it.
 */
final class SdkSigner {
  static final String HOST = "localhost";
  static final int PORT = 8080;

  private final AwsCredentialsIdentity identity;
  private final String region;
  private final String service;
  private final Clock clock;

  SdkSigner(String accessKeyId, String secret, String region, String service, Clock clock) {
    this.identity = AwsCredentialsIdentity.create(accessKeyId, secret);
    this.region = region;
    this.service = service;
    this.clock = clock;
  }

  /** A request for {@code encodedPath} with query parameters given unencoded, name then value. */
  static SdkHttpRequest request(String method, String encodedPath, String... query) {
    SdkHttpRequest.Builder builder =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .protocol("http")
            .host(HOST)
            .port(PORT)
            .encodedPath(encodedPath);
    for (int i = 0; i < query.length; i += 2) {
      builder.appendRawQueryParameter(query[i], query[i + 1]);
    }
    return builder.build();
  }

  /** Signed in the Authorization header. */
  SignedRequest sign(SdkHttpRequest request, String body) {
    return sign(request, body, null);
  }

  /** Presigned: signed in the query string, valid for {@code expiration}. */
  SignedRequest presign(SdkHttpRequest request, String body, Duration expiration) {
    return sign(request, body, expiration);
  }

  private SignedRequest sign(SdkHttpRequest request, String body, Duration expiration) {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    software.amazon.awssdk.http.auth.spi.signer.SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> {
                  r.identity(identity)
                      .request(request)
                      .payload(body == null ? null : ContentStreamProvider.fromByteArray(payload))
                      .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                      .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                      .putProperty(HttpSigner.SIGNING_CLOCK, clock);
                  if (expiration != null) {
                    r.putProperty(
                            AwsV4FamilyHttpSigner.AUTH_LOCATION,
                            AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiration);
                  }
                });
    SdkHttpRequest wire = signed.request();
    URI uri = wire.getUri();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    wire.forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
    if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
      headers.put("Host", List.of(HOST + ":" + PORT));
    }
    return new SignedRequest(
        wire.method().name(),
        uri.getRawPath(),
        uri.getRawQuery(),
        headers,
        signed.payload().map(SdkSigner::read).orElse(new byte[0]));
  }

  private static byte[] read(ContentStreamProvider provider) {
    try (InputStream in = provider.newStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

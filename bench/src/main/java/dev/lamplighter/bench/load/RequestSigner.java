package dev.lamplighter.bench.load;

import dev.lamplighter.bench.BenchCredentials;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs bench requests with the AWS SDK for Java v2's own SigV4 signer (service {@code iot} unless
 * told otherwise, region {@code eu-west-1}, the bench credentials) and turns them into {@link
 * HttpRequest}s. Every call signs afresh with the current time, as a real client does.
 *
 * <p>{@link java.net.http.HttpClient} sets {@code Host} and {@code Content-Length} itself and
 * refuses them as request headers; it writes the same values the signer signed ({@code host:port}
 * for a port that is not the scheme's default), so they are left to it.
 *
 * <p>Thread-safe.
 */
public final class RequestSigner {
  private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsIdentity identity =
      AwsCredentialsIdentity.create(
          BenchCredentials.ACCESS_KEY_ID, BenchCredentials.SECRET_ACCESS_KEY);
  private final URI target;
  private final String service;

  /** Requests go to {@code target}'s scheme, host and port; its path is ignored. */
  public RequestSigner(URI target) {
    this(target, BenchCredentials.SERVICE);
  }

  /**
   * The same, signed for the service whose signing name is {@code service}, such as {@code iotdata}
   * for the device shadow's HTTP API.
   */
  public RequestSigner(URI target, String service) {
    if (target.getHost() == null || target.getPort() < 0) {
      throw new IllegalArgumentException("the target needs a host and a port: " + target);
    }
    this.target = target;
    this.service = service;
  }

  /** The request signed now, ready to send. */
  public HttpRequest sign(BenchRequest request) {
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .protocol(target.getScheme())
            .host(target.getHost())
            .port(target.getPort())
            .encodedPath(request.path());
    request.query().forEach(unsigned::putRawQueryParameter);
    if (request.body() != null) {
      unsigned.putHeader("Content-Type", "application/json");
    }
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(identity)
                    .request(unsigned.build())
                    .payload(
                        request.body() == null
                            ? null
                            : ContentStreamProvider.fromByteArrayUnsafe(request.body()))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, BenchCredentials.REGION));
    SdkHttpRequest wire = signed.request();
    HttpRequest.Builder out = HttpRequest.newBuilder(wire.getUri()).timeout(REQUEST_TIMEOUT);
    wire.forEachHeader(
        (name, values) -> {
          if (!SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
            values.forEach(value -> out.header(name, value));
          }
        });
    out.method(
        request.method(),
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    return out.build();
  }
}

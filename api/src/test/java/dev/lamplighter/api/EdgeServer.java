package dev.lamplighter.api;

import dev.lamplighter.api.http.ApiMetrics;
import dev.lamplighter.api.http.Dispatcher;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.api.http.Router;
import dev.lamplighter.api.sigv4.SigV4Verifier;
import dev.lamplighter.api.wire.RequestDecoder;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.api.wire.WireModel;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.SigningCredential;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * The API edge (SigV4 verifier, router, dispatcher) over real HTTP on 127.0.0.1 for the given
 * service models and routes, accepting one access key of one account. SDK clients are pointed at it
 * by {@link #client}; requests an SDK client would not send (or whose exact answer a test reads) go
 * through {@link #send}, signed by the AWS SDK's own SigV4 signer.
 */
public final class EdgeServer implements AutoCloseable {
  private final String accessKeyId;
  private final String secret;
  private final String region;
  private final Javalin http;
  private final HttpClient raw = HttpClient.newHttpClient();

  public EdgeServer(
      String account,
      String region,
      String accessKeyId,
      String secret,
      List<WireModel> models,
      List<Route> routes) {
    this.accessKeyId = accessKeyId;
    this.secret = secret;
    this.region = region;
    Set<String> signingNames =
        Set.copyOf(models.stream().flatMap(m -> m.signingNames().stream()).toList());
    SigningCredential credential =
        new SigningCredential(accessKeyId, secret, AccountId.of(account));
    Dispatcher dispatcher =
        new Dispatcher(
            new SigV4Verifier(
                key -> key.equals(accessKeyId) ? Optional.of(credential) : Optional.empty(),
                Clock.systemUTC(),
                ControlPlaneApi.ALLOWED_CLOCK_SKEW,
                signingNames,
                true),
            new Router(models, routes),
            WireJson.mapper(),
            new ApiMetrics(new SimpleMeterRegistry()),
            IdSource.secure(),
            RequestDecoder.DEFAULT_MAX_BODY_BYTES);
    this.http =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = 0;
              for (HandlerType method :
                  List.of(
                      HandlerType.GET,
                      HandlerType.POST,
                      HandlerType.PUT,
                      HandlerType.PATCH,
                      HandlerType.DELETE)) {
                config.routes.addHttpHandler(method, "/<path>", dispatcher);
              }
            });
    http.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  /** {@code builder} pointed at this edge with its access key, without retries. */
  public <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B client(B builder) {
    return builder
        .endpointOverride(endpoint())
        .region(Region.of(region))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)));
  }

  /**
   * Sends {@code body} to {@code pathAndQuery} with {@code headers}, signed for {@code
   * signingName}.
   */
  public HttpResponse<String> send(
      String signingName,
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      byte[] body) {
    URI uri = endpoint().resolve(pathAndQuery);
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    headers.forEach(unsigned::putHeader);
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(accessKeyId, secret))
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
      return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    http.stop();
  }
}

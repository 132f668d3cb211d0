package dev.lamplighter.api.iotdata;

import dev.lamplighter.api.ControlPlaneApi;
import dev.lamplighter.api.RawSignedRequests;
import dev.lamplighter.api.http.ApiMetrics;
import dev.lamplighter.api.http.Dispatcher;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.http.Router;
import dev.lamplighter.api.sigv4.SigV4Verifier;
import dev.lamplighter.api.wire.RequestDecoder;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.api.wire.WireModel;
import dev.lamplighter.core.page.PageTokenCodec;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.SigningCredential;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * The API pipeline with the iot-data route table over a {@link RecordingDeviceMessaging}, on a real
 * HTTP listener on a free port, built as {@link ControlPlaneApi} builds it; plus the AWS SDK's
 * iot-data client and signed raw requests pointed at it.
 */
final class IotDataEdge implements AutoCloseable {
  static final String ACCOUNT = "111122223333";
  static final String REGION = "eu-west-1";
  private static final String KEY = "AKIALAMPLIGHTDATA01";
  private static final String SECRET = "iot-data-secret-for-tests-000000000000000";

  final RecordingDeviceMessaging messaging = new RecordingDeviceMessaging();
  private final Javalin http;
  private final RawSignedRequests raw = new RawSignedRequests(KEY, SECRET, REGION);

  IotDataEdge() {
    WireModel model = WireModel.load(IotDataRoutes.SERVICE);
    Dispatcher dispatcher =
        new Dispatcher(
            new SigV4Verifier(
                key ->
                    key.equals(KEY)
                        ? Optional.of(new SigningCredential(KEY, SECRET, AccountId.of(ACCOUNT)))
                        : Optional.empty(),
                Clock.systemUTC(),
                ControlPlaneApi.ALLOWED_CLOCK_SKEW,
                Set.copyOf(model.signingNames()),
                true),
            new Router(
                List.of(model),
                IotDataRoutes.of(messaging, new PageTokens(new PageTokenCodec(new byte[32])))),
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
                  List.of(HandlerType.GET, HandlerType.POST, HandlerType.DELETE)) {
                config.routes.addHttpHandler(method, "/<path>", dispatcher);
              }
            });
    http.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  /** The SDK's client, signing as {@code iotdata} like every iot-data client, without retries. */
  IotDataPlaneClient client() {
    return IotDataPlaneClient.builder()
        .endpointOverride(endpoint())
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** A request the SDK would not send, signed for {@code iotdata}. */
  HttpResponse<String> send(
      String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    return raw.send("iotdata", method, endpoint().resolve(pathAndQuery), headers, body);
  }

  @Override
  public void close() {
    http.stop();
  }
}

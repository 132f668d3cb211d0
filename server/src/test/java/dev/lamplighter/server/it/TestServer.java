package dev.lamplighter.server.it;

import dev.lamplighter.core.config.Settings;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.server.LamplighterServer;
import dev.lamplighter.server.config.ConfigLoader;
import dev.lamplighter.testkit.ShiftableClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;
import software.amazon.awssdk.services.iotsecuretunneling.IoTSecureTunnelingClient;

/**
 * A whole server in this JVM on a free port with a fresh data directory, with a known root account
 * and a clock tests can move ahead, plus AWS SDK clients pointed at it.
 */
final class TestServer implements AutoCloseable {
  static final String ROOT_ACCOUNT = "111122223333";
  static final String ROOT_KEY = "AKIDLAMPLIGHTERROOT01";
  static final String ROOT_SECRET = "root-secret-for-tests-0000000000000000000";
  static final Region REGION = Region.EU_WEST_1;

  final ShiftableClock clock = new ShiftableClock();
  final Path dataDir;
  private final LamplighterServer server;

  private TestServer(Path dataDir, Map<String, String> flags, Map<String, String> environment) {
    this.dataDir = dataDir;
    Map<String, String> allFlags = new HashMap<>();
    allFlags.put("api-port", "0");
    allFlags.put("mqtt-port", "0");
    allFlags.put("data-port", "0");
    allFlags.put("data-dir", dataDir.toString());
    allFlags.putAll(flags);
    Map<String, String> env = new HashMap<>();
    env.put("LAMPLIGHTER_ROOT_ACCOUNT_ID", ROOT_ACCOUNT);
    env.put("LAMPLIGHTER_ROOT_ACCESS_KEY_ID", ROOT_KEY);
    env.put("LAMPLIGHTER_ROOT_SECRET_ACCESS_KEY", ROOT_SECRET);
    env.putAll(environment);
    Settings settings = ConfigLoader.load(allFlags, env);
    this.server =
        LamplighterServer.start(settings, clock, IdSource.secure(), (key, endpoint) -> {});
  }

  static TestServer start() {
    return start(Map.of(), Map.of());
  }

  static TestServer start(Map<String, String> flags, Map<String, String> environment) {
    try {
      return new TestServer(Files.createTempDirectory("lamplighter-it"), flags, environment);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.apiPort());
  }

  LamplighterServer server() {
    return server;
  }

  /** An IoT client of the root account in {@link #REGION}. */
  IotClient iot() {
    return iot(ROOT_KEY, ROOT_SECRET, REGION);
  }

  IotClient iot(String accessKeyId, String secret, Region region) {
    return IotClient.builder()
        .endpointOverride(endpoint())
        .region(region)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
        .build();
  }

  /** An iot-data client of the root account in {@link #REGION}, signing as {@code iotdata}. */
  IotDataPlaneClient iotData() {
    return IotDataPlaneClient.builder()
        .endpointOverride(endpoint())
        .region(REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ROOT_KEY, ROOT_SECRET)))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** An iot-jobs-data client of the root account in {@link #REGION}, without retries. */
  IotJobsDataPlaneClient jobsData() {
    return IotJobsDataPlaneClient.builder()
        .endpointOverride(endpoint())
        .region(REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ROOT_KEY, ROOT_SECRET)))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** An IoTSecuredTunneling client of the root account in {@link #REGION}, without retries. */
  IoTSecureTunnelingClient tunneling() {
    return IoTSecureTunnelingClient.builder()
        .endpointOverride(endpoint())
        .region(REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ROOT_KEY, ROOT_SECRET)))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** A client that never retries, so a refused request is seen as it was refused. */
  IotClient iotWithoutRetries(String accessKeyId, String secret) {
    return IotClient.builder()
        .endpointOverride(endpoint())
        .region(REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  @Override
  public void close() {
    server.close();
  }
}

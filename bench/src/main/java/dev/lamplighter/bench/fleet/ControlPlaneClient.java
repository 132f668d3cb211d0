package dev.lamplighter.bench.fleet;

import dev.lamplighter.bench.BenchCredentials;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;

/** The AWS SDK for Java v2's {@code iot} client with the bench root credentials. */
public final class ControlPlaneClient {
  private ControlPlaneClient() {}

  /** A client of the server at {@code api}, with room for {@code connections} requests at once. */
  public static IotClient of(URI api, int connections) {
    return IotClient.builder()
        .endpointOverride(api)
        .region(Region.of(BenchCredentials.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    BenchCredentials.ACCESS_KEY_ID, BenchCredentials.SECRET_ACCESS_KEY)))
        .httpClient(
            ApacheHttpClient.builder()
                .maxConnections(connections)
                .socketTimeout(Duration.ofSeconds(60))
                .build())
        .build();
  }
}

package dev.lamplighter.bench.jobs;

import dev.lamplighter.bench.BenchCredentials;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeJobResponse;
import software.amazon.awssdk.services.iot.model.JobProcessDetails;

/** The AWS SDK for Java v2's {@code iot} client with the bench root credentials, and job counts. */
final class ControlPlane {
  private ControlPlane() {}

  /** A client of the server at {@code api}, with room for {@code connections} requests at once. */
  static IotClient client(URI api, int connections) {
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

  /** Every execution DescribeJob counts, whatever its status. */
  static long executions(DescribeJobResponse described) {
    JobProcessDetails details = described.job().jobProcessDetails();
    if (details == null) {
      return 0;
    }
    return zero(details.numberOfQueuedThings())
        + zero(details.numberOfInProgressThings())
        + zero(details.numberOfSucceededThings())
        + zero(details.numberOfFailedThings())
        + zero(details.numberOfRejectedThings())
        + zero(details.numberOfCanceledThings())
        + zero(details.numberOfRemovedThings())
        + zero(details.numberOfTimedOutThings());
  }

  static long zero(Integer value) {
    return value == null ? 0 : value;
  }
}

package dev.lamplighter.server.files;

import dev.lamplighter.gateway.dataplane.S3Urls;
import dev.lamplighter.jobs.DocumentSources;
import dev.lamplighter.jobs.PresignedUrls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Jobs' file ports on an S3-compatible object store (MinIO, Ceph, AWS S3 itself): an S3 URL's
 * bucket and key name an object there, presigned with the AWS SDK's S3 presigner (path-style URLs
 * on the configured endpoint); a {@code documentSource} is read once through such a URL.
 */
public final class ObjectStoreFiles implements PresignedUrls, DocumentSources, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStoreFiles.class);
  private static final Duration READ_URL_LIFETIME = Duration.ofMinutes(1);

  private final S3Presigner presigner;
  private final String endpoint;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public ObjectStoreFiles(String endpoint, String region, String accessKeyId, String secretKey) {
    this.endpoint =
        endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.presigner =
        S3Presigner.builder()
            .endpointOverride(URI.create(this.endpoint))
            .region(Region.of(region))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId, secretKey)))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .build();
  }

  /** The object an S3 URL names: an AWS S3 URL, or a path-style URL on the configured endpoint. */
  private Optional<S3Urls.S3Object> object(String url) {
    if (url.startsWith(endpoint + "/")) {
      return S3Urls.pathStyle(URI.create(url).getPath());
    }
    return S3Urls.parse(url);
  }

  @Override
  public Optional<String> presign(String s3Url, Duration expiresIn) {
    return object(s3Url)
        .map(
            o ->
                presigner
                    .presignGetObject(
                        GetObjectPresignRequest.builder()
                            .signatureDuration(expiresIn)
                            .getObjectRequest(
                                GetObjectRequest.builder().bucket(o.bucket()).key(o.key()).build())
                            .build())
                    .url()
                    .toString());
  }

  @Override
  public Optional<String> read(String s3Url) {
    Optional<String> url = presign(s3Url, READ_URL_LIFETIME);
    if (url.isEmpty()) {
      return Optional.empty();
    }
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url.get()))
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 200) {
        return Optional.of(response.body());
      }
      LOG.info("Reading {} from the object store answered {}", s3Url, response.statusCode());
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("Reading {} from the object store failed", s3Url, e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    presigner.close();
  }
}

package dev.lamplighter.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Job files on an S3-compatible store: URLs presigned by the AWS SDK for the configured endpoint,
 * and a document source read through one, from a small HTTP server standing in for the store.
 */
class ObjectStoreFilesTest {
  private HttpServer store;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private ObjectStoreFiles files;

  @BeforeEach
  void start() throws Exception {
    store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    store.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          boolean signed =
              exchange.getRequestURI().getRawQuery() != null
                  && exchange.getRequestURI().getRawQuery().contains("X-Amz-Signature=");
          byte[] body =
              (signed && exchange.getRequestURI().getPath().equals("/jobs/doc.json")
                      ? "{\"operation\":\"reboot\"}"
                      : "")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              body.length > 0 ? 200 : 403, body.length > 0 ? body.length : -1);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    store.start();
    files =
        new ObjectStoreFiles(
            "http://127.0.0.1:" + store.getAddress().getPort(), "eu-west-1", "AKIDSTORE", "secret");
  }

  @AfterEach
  void stop() {
    files.close();
    store.stop(0);
  }

  private static Map<String, String> query(String url) {
    Map<String, String> query = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  @Test
  void anAwsS3Url_isPresignedForTheConfiguredStore_pathStyle_withItsLifetime() {
    String url =
        files
            .presign(
                "https://s3.eu-west-1.amazonaws.com/firmware/lamp-2.1.bin", Duration.ofSeconds(600))
            .orElseThrow();

    assertThat(url)
        .startsWith("http://127.0.0.1:" + store.getAddress().getPort() + "/firmware/lamp-2.1.bin?");
    Map<String, String> query = query(url);
    assertThat(query.get("X-Amz-Algorithm")).isEqualTo("AWS4-HMAC-SHA256");
    assertThat(query.get("X-Amz-Credential"))
        .startsWith("AKIDSTORE/")
        .endsWith("/eu-west-1/s3/aws4_request");
    assertThat(query.get("X-Amz-Expires")).isEqualTo("600");
    assertThat(query.get("X-Amz-Signature")).hasSize(64);
  }

  @Test
  void aDocumentSource_isReadThroughAPresignedUrl() {
    assertThat(files.read("https://s3.amazonaws.com/jobs/doc.json"))
        .contains("{\"operation\":\"reboot\"}");
    assertThat(requests).hasSize(1).allMatch(r -> r.startsWith("GET /jobs/doc.json?"));
    assertThat(files.read("https://s3.amazonaws.com/jobs/missing.json")).isEmpty();
    assertThat(files.presign("https://example.com/not-s3", Duration.ofMinutes(1))).isEmpty();
  }
}

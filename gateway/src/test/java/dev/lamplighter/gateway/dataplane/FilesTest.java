package dev.lamplighter.gateway.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in file store, S3 URLs onto it, and its presigned URLs. */
class FilesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "https://s3.eu-west-1.amazonaws.com/firmware/lamp/2.1.bin, firmware, lamp/2.1.bin",
    "https://s3.amazonaws.com/firmware/lamp-2.1.bin, firmware, lamp-2.1.bin",
    "https://s3-eu-west-1.amazonaws.com/firmware/a%20b.bin, firmware, a b.bin",
    "https://firmware.s3.eu-west-1.amazonaws.com/lamp/2.1.bin, firmware, lamp/2.1.bin",
    "https://firmware.s3.amazonaws.com/x, firmware, x",
    "s3://firmware/lamp/2.1.bin, firmware, lamp/2.1.bin"
  })
  void s3Urls_nameABucketAndAKey(String url, String bucket, String key) {
    assertThat(S3Urls.parse(url)).contains(new S3Urls.S3Object(bucket, key));
  }

  @ParameterizedTest
  @CsvSource({
    "https://example.com/firmware/x",
    "https://s3.amazonaws.com/onlybucket",
    "ftp://s3.amazonaws.com/a/b",
    "not a url"
  })
  void otherUrls_nameNothing(String url) {
    assertThat(S3Urls.parse(url)).isEmpty();
  }

  @Test
  void keysNeverLeaveTheirBucket_andBucketsFollowS3Names() {
    FileStore store = new FileStore(dir);

    assertThat(store.pathOf("firmware", "lamp/2.1.bin"))
        .contains(dir.resolve("firmware/lamp/2.1.bin"));
    assertThat(store.pathOf("firmware", "../other/secret")).isEmpty();
    assertThat(store.pathOf("firmware", "a/../../b")).isEmpty();
    assertThat(store.pathOf("firmware", "/etc/passwd")).isEmpty();
    assertThat(store.pathOf("Fw_Bucket", "x")).isEmpty();
    assertThat(store.pathOf("..", "x")).isEmpty();
  }

  @Test
  void put_storesAFileOwnerOnly_replacingAnEarlierOne() throws Exception {
    FileStore store = new FileStore(dir);
    store.put("firmware", "lamp/2.1.bin", new ByteArrayInputStream(new byte[] {1, 2}));

    Path file = store.put("firmware", "lamp/2.1.bin", new ByteArrayInputStream(new byte[] {3}));

    assertThat(Files.readAllBytes(file)).containsExactly(3);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThatThrownBy(() -> store.put("firmware", "../x", new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void presignedUrls_areValidUntilTheyExpire_forTheirObjectOnly() {
    MutableClock clock = MutableClock.at("2026-05-01T10:00:00Z");
    FileUrls urls = new FileUrls(new byte[32], "lamps.example.net", () -> 8443, clock);

    URI url = URI.create(urls.sign("firmware", "lamp 2.bin", Duration.ofSeconds(60)));
    Map<String, String> query = new HashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }

    assertThat(url.getHost()).isEqualTo("lamps.example.net");
    assertThat(url.getPort()).isEqualTo(8443);
    assertThat(url.getPath()).isEqualTo("/files/firmware/lamp 2.bin");
    assertThat(urls.refusal("firmware", "lamp 2.bin", query.get("expires"), query.get("signature")))
        .isNull();
    assertThat(urls.refusal("firmware", "lamp 3.bin", query.get("expires"), query.get("signature")))
        .contains("signature does not match");
    assertThat(urls.refusal("firmware", "lamp 2.bin", "9999999999", query.get("signature")))
        .contains("signature does not match");
    assertThat(urls.refusal("firmware", "lamp 2.bin", null, null)).contains("not signed");
    clock.advance(Duration.ofSeconds(60));
    assertThat(urls.refusal("firmware", "lamp 2.bin", query.get("expires"), query.get("signature")))
        .contains("expired");
  }

  @Test
  void builtInFiles_presignOnlyObjectsTheStoreCanHold_andReadDocuments() throws Exception {
    FileStore store = new FileStore(dir);
    store.put(
        "jobs", "doc.json", new ByteArrayInputStream("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    BuiltInFiles files =
        new BuiltInFiles(
            store,
            new FileUrls(
                new byte[32], "localhost", () -> 8443, MutableClock.at("2026-05-01T10:00:00Z")));

    assertThat(files.read("https://s3.amazonaws.com/jobs/doc.json")).contains("{\"a\":1}");
    assertThat(files.read("https://s3.amazonaws.com/jobs/missing.json")).isEmpty();
    assertThat(files.presign("https://s3.amazonaws.com/jobs/doc.json", Duration.ofMinutes(5)))
        .hasValueSatisfying(
            u -> assertThat(u).startsWith("https://localhost:8443/files/jobs/doc.json?expires="));
    assertThat(files.presign("https://example.com/jobs/doc.json", Duration.ofMinutes(5))).isEmpty();
  }
}

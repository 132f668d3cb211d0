package dev.lamplighter.api.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.SigningCredential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** AWS's SigV4 test suite, copied into the test resources, one {@link Case} per folder. */
final class TestVectors {
  static final AccountId ACCOUNT = AccountId.of("123456789012");

  /** The two ways a vector is signed. */
  enum Variant {
    HEADER("header"),
    QUERY("query");

    final String prefix;

    Variant(String prefix) {
      this.prefix = prefix;
    }
  }

  /** One folder of the suite. */
  record Case(
      String name,
      Path folder,
      String accessKeyId,
      String secretAccessKey,
      String region,
      String service,
      Instant timestamp,
      boolean normalize,
      boolean omitSessionToken) {

    SignedRequest signedRequest(Variant variant) {
      return HttpMessages.parse(bytes(variant.prefix + "-signed-request.txt"));
    }

    String canonicalRequest(Variant variant) {
      return text(variant.prefix + "-canonical-request.txt");
    }

    String stringToSign(Variant variant) {
      return text(variant.prefix + "-string-to-sign.txt");
    }

    /** The credential the vector was signed with, in the vector's account. */
    SigningCredential credential() {
      return new SigningCredential(accessKeyId, secretAccessKey, ACCOUNT);
    }

    /** A verifier as a server for this vector's service would have it, at the vector's time. */
    SigV4Verifier verifier() {
      return verifier(Clock.fixed(timestamp, ZoneOffset.UTC));
    }

    SigV4Verifier verifier(Clock clock) {
      SigningCredential credential = credential();
      return new SigV4Verifier(
          key -> key.equals(accessKeyId) ? Optional.of(credential) : Optional.empty(),
          clock,
          Duration.ofMinutes(15),
          Set.of(service),
          normalize);
    }

    private byte[] bytes(String file) {
      try {
        return Files.readAllBytes(folder.resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String text(String file) {
      return new String(bytes(file), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private TestVectors() {}

  static Path root() {
    URL url = TestVectors.class.getClassLoader().getResource("sigv4-test-suite");
    if (url == null) {
      throw new IllegalStateException("sigv4-test-suite is missing from the test resources");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Case> all() {
    try (Stream<Path> folders = Files.list(root())) {
      return folders.filter(Files::isDirectory).sorted().map(TestVectors::load).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Case named(String name) {
    return load(root().resolve(name));
  }

  private static Case load(Path folder) {
    try {
      JsonNode context = new ObjectMapper().readTree(folder.resolve("context.json").toFile());
      return new Case(
          folder.getFileName().toString(),
          folder,
          context.path("credentials").path("access_key_id").asText(),
          context.path("credentials").path("secret_access_key").asText(),
          context.path("region").asText(),
          context.path("service").asText(),
          Instant.parse(context.path("timestamp").asText()),
          context.path("normalize").asBoolean(),
          context.path("omit_session_token").asBoolean(false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

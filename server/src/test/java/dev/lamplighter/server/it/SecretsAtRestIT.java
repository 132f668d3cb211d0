package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.NewAccessKey;
import dev.lamplighter.security.pki.CaMaterial;
import dev.lamplighter.security.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Secrets never reach the data directory in plain text: access-key secrets, the CA's private keys
 * (sealed under the master key), and device private keys (returned once, never stored).
 */
class SecretsAtRestIT {

  @Test
  void secretAccessKeys_areNotInTheDataDirectory() throws Exception {
    NewAccessKey created;
    Path dataDir;
    try (TestServer server = TestServer.start()) {
      dataDir = server.dataDir;
      created =
          server
              .server()
              .backend()
              .security()
              .accounts()
              .createAccessKey(AccountId.of(TestServer.ROOT_ACCOUNT));
      try (var iot =
          server.iot(created.key().accessKeyId(), created.secretAccessKey(), TestServer.REGION)) {
        iot.listThings();
      }
    }

    List<Path> files;
    try (Stream<Path> walk = Files.walk(dataDir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(bytes)
          .as(file.getFileName().toString())
          .doesNotContain(created.secretAccessKey())
          .doesNotContain(TestServer.ROOT_SECRET);
    }
  }

  /** DER openings of plaintext private keys: PKCS#8 RSA, PKCS#8 EC, PKCS#1 RSA of 2048 bits. */
  private static final List<byte[]> PRIVATE_KEY_OPENINGS =
      List.of(
          hex("020100300d06092a864886f70d010101050004"),
          hex("020100301306072a8648ce3d0201"),
          hex("0201000282010100"));

  @Test
  void privateKeys_ofDevicesAndOfTheCa_areNotInTheDataDirectory() throws Exception {
    List<String> devicePrivateKeys = new ArrayList<>();
    CaMaterial ca;
    Path dataDir;
    try (TestServer server = TestServer.start();
        IotClient iot = server.iot()) {
      dataDir = server.dataDir;
      for (int i = 0; i < 3; i++) {
        devicePrivateKeys.add(
            iot.createKeysAndCertificate(b -> b.setAsActive(true)).keyPair().privateKey());
      }
      ca = server.server().backend().security().certificateAuthority().export();
      assertThat(rootCertificateFile(dataDir))
          .isEqualTo(
              server.server().backend().security().certificateAuthority().rootCertificatePem());
    }

    for (Path file : files(dataDir)) {
      byte[] content = Files.readAllBytes(file);
      String text = new String(content, StandardCharsets.ISO_8859_1);
      assertThat(text).as(file.getFileName().toString()).doesNotContain("PRIVATE KEY");
      for (String privateKey : devicePrivateKeys) {
        byte[] der = Pem.decode(privateKey).get(0).der();
        assertThat(text).as(file.getFileName().toString()).doesNotContain(base64Line(privateKey));
        assertThat(indexOf(content, Arrays.copyOfRange(der, 0, 64))).isEqualTo(-1);
      }
      for (byte[] caKey : List.of(ca.rootPrivateKey(), ca.issuingPrivateKey())) {
        assertThat(indexOf(content, Arrays.copyOfRange(caKey, caKey.length - 64, caKey.length)))
            .as(file.getFileName().toString())
            .isEqualTo(-1);
      }
      for (byte[] opening : PRIVATE_KEY_OPENINGS) {
        assertThat(indexOf(content, opening)).as(file.getFileName().toString()).isEqualTo(-1);
      }
    }
  }

  /** The root certificate the server writes for devices, once its CA is ready. */
  private static String rootCertificateFile(Path dataDir) throws Exception {
    Path file = dataDir.resolve("root-ca.pem");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return Files.readString(file);
  }

  private static List<Path> files(Path dataDir) throws java.io.IOException {
    try (Stream<Path> walk = Files.walk(dataDir)) {
      List<Path> files = walk.filter(Files::isRegularFile).toList();
      assertThat(files).isNotEmpty();
      return files;
    }
  }

  /** The second line of a PEM body: key material, not a header. */
  private static String base64Line(String pem) {
    return pem.lines().skip(2).findFirst().orElseThrow();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }
}

package dev.lamplighter.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.security.SecretCipher;
import dev.lamplighter.security.pki.CertificateAuthority;
import dev.lamplighter.security.pki.Pem;
import dev.lamplighter.security.spi.ServerCaRepository;
import dev.lamplighter.security.spi.StoredServerCa;
import dev.lamplighter.security.spi.StoredServerCertificate;
import dev.lamplighter.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server's CA and TLS certificate as kept in the store: created once, sealed, renewed. */
class ServerPkiStoreTest {
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final SecureRandom random = new SecureRandom();
  private final SecretCipher cipher = new SecretCipher(new byte[32]);
  private final InMemoryServerCa repository = new InMemoryServerCa();

  @Test
  void theCa_isCreatedOnce_andRestoredFromItsSealedKeys() {
    CertificateAuthority first = ServerCaStore.loadOrCreate(repository, cipher, clock, random);
    CertificateAuthority again = ServerCaStore.loadOrCreate(repository, cipher, clock, random);

    assertThat(again.rootCertificatePem()).isEqualTo(first.rootCertificatePem());
    assertThat(again.export()).isEqualTo(first.export());
    StoredServerCa stored = repository.ca.orElseThrow();
    assertThat(new String(stored.sealedRootKey(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(Base64.getEncoder().encodeToString(first.export().rootPrivateKey()));
  }

  @Test
  void theTlsCertificate_isKept_untilTheNamesChangeOrAThirdOfItsValidityIsLeft() throws Exception {
    CertificateAuthority ca = ServerCaStore.loadOrCreate(repository, cipher, clock, random);
    List<String> names = List.of("localhost", "127.0.0.1");

    StoredServerCertificate first = ensure(ca, names);

    assertThat(ensure(ca, names)).isSameAs(first);
    assertThat(
            leaf(first).getSubjectAlternativeNames().stream()
                .map(entry -> String.valueOf(entry.get(1))))
        .containsExactlyInAnyOrder("localhost", "127.0.0.1");
    byte[] key = Base64.getDecoder().decode(cipher.open(first.sealedKey(), "server-tls:key"));
    assertThat(signsFor(key, leaf(first))).isTrue();

    StoredServerCertificate renamed = ensure(ca, List.of("lights.example.com"));
    assertThat(renamed.hostNames()).isEqualTo("lights.example.com");
    clock.advance(ServerTlsStore.VALIDITY.dividedBy(2));
    assertThat(ensure(ca, List.of("lights.example.com"))).isSameAs(renamed);
    clock.advance(ServerTlsStore.VALIDITY.dividedBy(6).plus(Duration.ofDays(1)));
    StoredServerCertificate renewed = ensure(ca, List.of("lights.example.com"));
    assertThat(renewed.notAfter()).isAfter(renamed.notAfter());
  }

  private StoredServerCertificate ensure(CertificateAuthority ca, List<String> names) {
    return ServerTlsStore.ensure(repository, ca, cipher, names, clock, random);
  }

  private static boolean signsFor(byte[] pkcs8, X509Certificate certificate) throws Exception {
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    byte[] message = "lamplighter".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(message);
    return verifier.verify(signature);
  }

  private static X509Certificate leaf(StoredServerCertificate stored) throws Exception {
    byte[] der = Pem.decode(stored.chainPem()).get(0).der();
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  /** The port's contract in memory; the SQL stores are tested against real databases. */
  private static final class InMemoryServerCa implements ServerCaRepository {
    private Optional<StoredServerCa> ca = Optional.empty();
    private Optional<StoredServerCertificate> tls = Optional.empty();

    @Override
    public Optional<StoredServerCa> find() {
      return ca;
    }

    @Override
    public boolean insertIfAbsent(StoredServerCa stored) {
      if (ca.isPresent()) {
        return false;
      }
      ca = Optional.of(stored);
      return true;
    }

    @Override
    public Optional<StoredServerCertificate> findServerCertificate() {
      return tls;
    }

    @Override
    public void putServerCertificate(StoredServerCertificate certificate) {
      tls = Optional.of(certificate);
    }
  }
}

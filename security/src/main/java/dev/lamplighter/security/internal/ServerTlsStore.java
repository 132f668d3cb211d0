package dev.lamplighter.security.internal;

import dev.lamplighter.security.SecretCipher;
import dev.lamplighter.security.ServerTlsIdentity;
import dev.lamplighter.security.pki.CertificateAuthority;
import dev.lamplighter.security.pki.IssuedCertificate;
import dev.lamplighter.security.pki.Pem;
import dev.lamplighter.security.spi.ServerCaRepository;
import dev.lamplighter.security.spi.StoredServerCertificate;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS certificate for the MQTT and data-plane listeners: issued by the server's CA for
 * the configured host names, kept (key sealed) in the store, and issued again when the names change
 * or a third of its validity is left.
 */
public final class ServerTlsStore {
  private static final Logger LOG = LoggerFactory.getLogger(ServerTlsStore.class);
  static final Duration VALIDITY = Duration.ofDays(397);
  private static final String KEY_CONTEXT = "server-tls:key";

  private ServerTlsStore() {}

  /** The current certificate for {@code hostNames}, issuing a new one when needed. */
  public static StoredServerCertificate ensure(
      ServerCaRepository repository,
      CertificateAuthority ca,
      SecretCipher cipher,
      List<String> hostNames,
      Clock clock,
      SecureRandom random) {
    String names = String.join(",", hostNames);
    Optional<StoredServerCertificate> current = repository.findServerCertificate();
    if (current.isPresent()
        && names.equals(current.get().hostNames())
        && clock.instant().isBefore(current.get().notAfter().minus(VALIDITY.dividedBy(3)))) {
      return current.get();
    }
    KeyPair key = newKey(random);
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    for (String name : hostNames) {
      (isIpAddress(name) ? ips : dns).add(name);
    }
    IssuedCertificate issued = ca.issueServerCertificate(dns, ips, VALIDITY, key.getPublic());
    StoredServerCertificate stored =
        new StoredServerCertificate(
            issued.chainPem(),
            cipher.seal(
                Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()), KEY_CONTEXT),
            names,
            issued.certificate().notAfter());
    repository.putServerCertificate(stored);
    LOG.info("Issued the server's TLS certificate for [{}]", names);
    return stored;
  }

  private static KeyPair newKey(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is part of every JDK", e);
    }
  }

  private static boolean isIpAddress(String name) {
    return name.matches("[0-9.]+") || name.contains(":");
  }

  /** Opens a stored certificate: its chain parsed and its key unsealed. */
  public static ServerTlsIdentity open(StoredServerCertificate stored, SecretCipher cipher) {
    try {
      byte[] pkcs8 = Base64.getDecoder().decode(cipher.open(stored.sealedKey(), KEY_CONTEXT));
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> chain = new ArrayList<>();
      for (Pem.Block block : Pem.decode(stored.chainPem())) {
        chain.add(
            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
      }
      return new ServerTlsIdentity(key, chain);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored server certificate does not open", e);
    }
  }
}

package dev.lamplighter.security.internal;

import dev.lamplighter.security.SecretCipher;
import dev.lamplighter.security.pki.CaMaterial;
import dev.lamplighter.security.pki.CertificateAuthority;
import dev.lamplighter.security.spi.ServerCaRepository;
import dev.lamplighter.security.spi.StoredServerCa;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the server's CA from the store, or creates it on the first start. Its private keys are
 * stored sealed under the master key; when two nodes start at once on one database, the first to
 * store its CA wins and the other uses that one.
 */
public final class ServerCaStore {
  private static final Logger LOG = LoggerFactory.getLogger(ServerCaStore.class);
  private static final String ORGANIZATION = "Lamplighter";
  private static final String ROOT_KEY = "server-ca:root";
  private static final String ISSUING_KEY = "server-ca:issuing";

  private ServerCaStore() {}

  public static CertificateAuthority loadOrCreate(
      ServerCaRepository repository, SecretCipher cipher, Clock clock, SecureRandom random) {
    return repository
        .find()
        .map(stored -> restore(stored, cipher, clock, random))
        .orElseGet(() -> create(repository, cipher, clock, random));
  }

  private static CertificateAuthority create(
      ServerCaRepository repository, SecretCipher cipher, Clock clock, SecureRandom random) {
    CertificateAuthority created = CertificateAuthority.create(ORGANIZATION, clock, random);
    CaMaterial material = created.export();
    StoredServerCa stored =
        new StoredServerCa(
            material.rootCertificatePem(),
            material.issuingCertificatePem(),
            cipher.seal(encode(material.rootPrivateKey()), ROOT_KEY),
            cipher.seal(encode(material.issuingPrivateKey()), ISSUING_KEY),
            clock.instant());
    if (repository.insertIfAbsent(stored)) {
      LOG.info(
          "Created the server CA [{}]",
          created.rootCertificate().subject().commonName().orElse(""));
      return created;
    }
    return restore(repository.find().orElseThrow(), cipher, clock, random);
  }

  private static CertificateAuthority restore(
      StoredServerCa stored, SecretCipher cipher, Clock clock, SecureRandom random) {
    CaMaterial material =
        new CaMaterial(
            stored.rootPem(),
            stored.issuingPem(),
            decode(cipher.open(stored.sealedRootKey(), ROOT_KEY)),
            decode(cipher.open(stored.sealedIssuingKey(), ISSUING_KEY)));
    return CertificateAuthority.restore(material, clock, random);
  }

  private static String encode(byte[] key) {
    return Base64.getEncoder().encodeToString(key);
  }

  private static byte[] decode(String key) {
    return Base64.getDecoder().decode(key);
  }
}

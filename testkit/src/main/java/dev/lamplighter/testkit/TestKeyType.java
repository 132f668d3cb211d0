package dev.lamplighter.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key types for generated test certificates and CSRs. EC keys are fresh each time (a millisecond);
 * RSA keys take up to a second each, so one key per RSA size is generated per JVM and shared by
 * every test that is not about the key itself.
 */
public enum TestKeyType {
  EC_P256("SHA256withECDSA"),
  EC_P384("SHA384withECDSA"),
  EC_P521("SHA512withECDSA"),
  /** Too weak for CreateCertificateFromCsr, which requires 2048 bits at least. */
  RSA_1024("SHA256withRSA"),
  RSA_2048("SHA256withRSA");

  private static final Map<TestKeyType, KeyPair> SHARED_RSA = new ConcurrentHashMap<>();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String signatureAlgorithm;

  TestKeyType(String signatureAlgorithm) {
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** The algorithm a key of this type signs with. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** A key pair of this type: a fresh one for EC, the JVM's shared one for RSA. */
  public KeyPair keyPair() {
    return switch (this) {
      case EC_P256 -> ec("secp256r1");
      case EC_P384 -> ec("secp384r1");
      case EC_P521 -> ec("secp521r1");
      case RSA_1024 -> SHARED_RSA.computeIfAbsent(this, t -> rsa(1024));
      case RSA_2048 -> SHARED_RSA.computeIfAbsent(this, t -> rsa(2048));
    };
  }

  private static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

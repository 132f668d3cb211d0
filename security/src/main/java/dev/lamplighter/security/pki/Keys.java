package dev.lamplighter.security.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Key generation and the key encodings AWS IoT and the CA material use. */
final class Keys {
  private Keys() {}

  static KeyPair rsa(int bits, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is part of every JDK", e);
    }
  }

  /** The public key as {@code -----BEGIN PUBLIC KEY-----} (X.509 SubjectPublicKeyInfo). */
  static String publicKeyPem(PublicKey key) {
    return Pem.encode(Pem.PUBLIC_KEY, key.getEncoded());
  }

  /**
   * An RSA private key as {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1), the form
   * CreateKeysAndCertificate returns.
   */
  static String rsaPrivateKeyPem(PrivateKey key) {
    try {
      byte[] pkcs1 =
          PrivateKeyInfo.getInstance(key.getEncoded())
              .parsePrivateKey()
              .toASN1Primitive()
              .getEncoded(ASN1Encoding.DER);
      return Pem.encode(Pem.RSA_PRIVATE_KEY, pkcs1);
    } catch (IOException e) {
      throw new IllegalStateException("a generated RSA key does not encode", e);
    }
  }

  /**
   * An RSA or EC private key from its PKCS#8 DER encoding.
   *
   * @throws IllegalArgumentException when the bytes are not a PKCS#8 RSA or EC key
   */
  static PrivateKey fromPkcs8(byte[] der) {
    try {
      ASN1ObjectIdentifier algorithm =
          PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm();
      String name;
      if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
        name = "RSA";
      } else if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        name = "EC";
      } else {
        throw new IllegalArgumentException("unsupported private key algorithm " + algorithm);
      }
      return KeyFactory.getInstance(name).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalStateException e) {
      throw new IllegalArgumentException("not a PKCS#8 private key: " + e.getMessage(), e);
    }
  }

  /** The algorithm the CA signs with when its key is {@code key}. */
  static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm());
    };
  }

  /** Whether {@code privateKey} and {@code publicKey} are the two halves of one key pair. */
  static boolean matches(PrivateKey privateKey, PublicKey publicKey, SecureRandom random) {
    byte[] challenge = new byte[32];
    random.nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(signatureAlgorithm(privateKey));
      signer.initSign(privateKey, random);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(signatureAlgorithm(privateKey));
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}

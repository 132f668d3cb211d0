package dev.lamplighter.security.pki;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * A PKCS#10 certificate signing request as CreateCertificateFromCsr accepts it: one PEM block of at
 * most 4096 characters, a public key that is RSA of at least 2048 bits or EC on NIST P-256, P-384
 * or P-521 (as AWS IoT documents), and a signature that verifies with that key. Requested
 * extensions are ignored; the issued certificate carries the CA's own.
 */
record SigningRequest(X500Name subject, PublicKey publicKey) {
  /** The longest CSR AWS accepts (the {@code CertificateSigningRequest} shape). */
  static final int MAX_PEM_LENGTH = 4096;

  static final int MIN_RSA_BITS = 2048;
  private static final Set<ASN1ObjectIdentifier> CURVES =
      Set.of(
          SECObjectIdentifiers.secp256r1,
          SECObjectIdentifiers.secp384r1,
          SECObjectIdentifiers.secp521r1);

  /**
   * Parses and checks {@code pem}.
   *
   * @throws ServiceException INVALID_REQUEST naming the problem
   */
  static SigningRequest parse(String pem) {
    if (pem == null || pem.isBlank()) {
      throw invalid("the certificate signing request is empty");
    }
    if (pem.length() > MAX_PEM_LENGTH) {
      throw invalid("the certificate signing request is longer than %d characters", MAX_PEM_LENGTH);
    }
    PKCS10CertificationRequest request = decode(pem);
    SubjectPublicKeyInfo keyInfo = request.getSubjectPublicKeyInfo();
    String keyAlgorithm = checkKey(keyInfo);
    try {
      PublicKey key =
          KeyFactory.getInstance(keyAlgorithm)
              .generatePublic(new X509EncodedKeySpec(keyInfo.getEncoded()));
      boolean valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
      if (!valid) {
        throw invalid("the certificate signing request's signature does not verify with its key");
      }
      return new SigningRequest(request.getSubject(), key);
    } catch (OperatorCreationException | PKCSException | GeneralSecurityException | IOException e) {
      throw invalid(
          "the certificate signing request's signature cannot be verified: %s", e.getMessage());
    }
  }

  private static PKCS10CertificationRequest decode(String pem) {
    List<Pem.Block> blocks;
    try {
      blocks = Pem.decode(pem);
    } catch (IllegalArgumentException e) {
      throw invalid("the certificate signing request is not valid PEM: %s", e.getMessage());
    }
    if (blocks.size() != 1) {
      throw invalid(
          "expected one PEM-encoded certificate signing request, found %d PEM blocks",
          blocks.size());
    }
    Pem.Block block = blocks.get(0);
    if (!block.label().equals(Pem.CERTIFICATE_REQUEST)
        && !block.label().equals("NEW " + Pem.CERTIFICATE_REQUEST)) {
      throw invalid("expected a CERTIFICATE REQUEST, found a %s", block.label());
    }
    try {
      return new PKCS10CertificationRequest(block.der());
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw invalid("not a valid PKCS#10 certificate signing request: %s", e.getMessage());
    }
  }

  /** Checks the key type and size; returns the JCA name of the key algorithm. */
  private static String checkKey(SubjectPublicKeyInfo keyInfo) {
    ASN1ObjectIdentifier algorithm = keyInfo.getAlgorithm().getAlgorithm();
    if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      int bits = rsaBits(keyInfo);
      if (bits < MIN_RSA_BITS) {
        throw invalid(
            "the certificate signing request has a %d-bit RSA key; at least %d bits are required",
            bits, MIN_RSA_BITS);
      }
      return "RSA";
    } else if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      if (!(keyInfo.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)
          || !CURVES.contains(curve)) {
        throw invalid(
            "the certificate signing request's EC key is on %s; P-256, P-384 or P-521 is required",
            curveName(keyInfo));
      }
      return "EC";
    } else {
      throw invalid(
          "the certificate signing request's key algorithm %s is not supported; use RSA or EC",
          algorithm.getId());
    }
  }

  private static int rsaBits(SubjectPublicKeyInfo keyInfo) {
    try {
      return RSAPublicKey.getInstance(keyInfo.parsePublicKey()).getModulus().bitLength();
    } catch (IOException | IllegalArgumentException e) {
      throw invalid("the certificate signing request's RSA key is malformed");
    }
  }

  private static String curveName(SubjectPublicKeyInfo keyInfo) {
    if (keyInfo.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
      String name = NISTNamedCurves.getName(curve);
      return name != null ? name : curve.getId();
    }
    return "explicit curve parameters";
  }

  private static ServiceException invalid(String format, Object... args) {
    return ErrorCode.INVALID_REQUEST.exception(format, args);
  }
}

package dev.lamplighter.security.pki;

import java.util.Arrays;
import java.util.Objects;

/**
 * What it takes to restore a {@link CertificateAuthority}: both certificates in PEM and both
 * private keys in PKCS#8 DER. The keys are secrets: the caller seals them (see {@code
 * SecretCipher}, for example over their base64 text) before storing them, and never logs them.
 *
 * @param rootCertificatePem the self-signed root, the trust anchor devices and clients install
 * @param issuingCertificatePem the issuing CA, signed by the root
 * @param rootPrivateKey PKCS#8 DER of the root key, used only to re-certify the issuing CA
 * @param issuingPrivateKey PKCS#8 DER of the issuing key, which signs every issued certificate
 */
public record CaMaterial(
    String rootCertificatePem,
    String issuingCertificatePem,
    byte[] rootPrivateKey,
    byte[] issuingPrivateKey) {

  public CaMaterial {
    Objects.requireNonNull(rootCertificatePem, "rootCertificatePem");
    Objects.requireNonNull(issuingCertificatePem, "issuingCertificatePem");
    rootPrivateKey = rootPrivateKey.clone();
    issuingPrivateKey = issuingPrivateKey.clone();
  }

  @Override
  public byte[] rootPrivateKey() {
    return rootPrivateKey.clone();
  }

  @Override
  public byte[] issuingPrivateKey() {
    return issuingPrivateKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaMaterial material
        && rootCertificatePem.equals(material.rootCertificatePem)
        && issuingCertificatePem.equals(material.issuingCertificatePem)
        && Arrays.equals(rootPrivateKey, material.rootPrivateKey)
        && Arrays.equals(issuingPrivateKey, material.issuingPrivateKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rootCertificatePem, issuingCertificatePem);
  }

  @Override
  public String toString() {
    return "CaMaterial[(certificates and keys hidden)]";
  }
}

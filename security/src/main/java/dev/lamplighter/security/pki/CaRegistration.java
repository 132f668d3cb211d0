package dev.lamplighter.security.pki;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.random.IdSource;
import java.util.HexFormat;
import java.util.List;

/**
 * The proof of possession of RegisterCACertificate: whoever registers a CA shows that they hold its
 * private key by signing a verification certificate whose subject common name is the account's
 * registration code (from GetRegistrationCode).
 */
public final class CaRegistration {
  private static final int CODE_BYTES = 32;

  private CaRegistration() {}

  /**
   * A new registration code: 64 lower-case hex characters (256 random bits), the format of AWS's
   * {@code RegistrationCode} shape.
   */
  public static String newRegistrationCode(IdSource ids) {
    byte[] bytes = new byte[CODE_BYTES];
    ids.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Checks the proof. The signature is checked first: a certificate the CA's key did not sign
   * proves nothing, whatever its name. The caller checks validity and the CA's basic constraints.
   *
   * @throws ServiceException CERTIFICATE_VALIDATION when {@code verification} is not signed by
   *     {@code ca}'s key; REGISTRATION_CODE_VALIDATION when its subject common name is not {@code
   *     registrationCode}
   */
  public static void verifyProof(
      ParsedCertificate ca, ParsedCertificate verification, String registrationCode) {
    if (!verification.isSignedWith(ca.publicKey())) {
      throw ErrorCode.CERTIFICATE_VALIDATION.exception(
          "the verification certificate is not signed by the CA certificate's key");
    }
    List<String> commonNames = verification.subject().values(DnAttribute.COMMON_NAME);
    if (commonNames.isEmpty()) {
      throw ErrorCode.REGISTRATION_CODE_VALIDATION.exception(
          "the verification certificate has no common name; it must be the registration code");
    }
    if (!commonNames.contains(registrationCode)) {
      throw ErrorCode.REGISTRATION_CODE_VALIDATION.exception(
          "the verification certificate's common name is not the registration code");
    }
  }
}

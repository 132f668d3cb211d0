package dev.lamplighter.security.pki;

import dev.lamplighter.core.error.ServiceException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;

/**
 * The server's own certificate authority: a self-signed root and an issuing CA signed by it. The
 * issuing CA signs the device certificates of CreateKeysAndCertificate and CreateCertificateFromCsr
 * and the certificate of the server's TLS listeners.
 *
 * <p><b>Keys.</b> Both CA keys are RSA 3072 and sign with SHA256withRSA: AWS IoT requires of its
 * clients only that they verify SHA-256 RSA certificate signatures, so firmware written for AWS IoT
 * can verify this chain, and 3072 bits keep 128-bit strength past 2030, which a 2048-bit CA key
 * living until 2049 would not. Device keys made by CreateKeysAndCertificate are RSA 2048, as AWS's.
 *
 * <p><b>Validity.</b> Device certificates end at 2049-12-31T23:59:59Z, as AWS IoT's do (the last
 * instant UTCTime encodes). The root lasts 20 years but at least until then, so it outlives every
 * certificate under it. The issuing CA lasts 10 years; before it ends, {@link
 * #renewIssuingCertificate()} has the root certify the <em>same</em> issuing key again, so every
 * device certificate already issued still chains to the root through the new issuing certificate.
 * That re-certification is the only use of the root key: it never signs anything else.
 *
 * <p><b>Secrets.</b> {@link #export()} hands out both CA keys for the caller to seal and store
 * (DESIGN: the CA private key is encrypted at rest). Device private keys exist only in the {@link
 * KeysAndCertificate} returned to the caller; this class keeps no reference to them.
 *
 * <p>Immutable and thread-safe.
 */
public final class CertificateAuthority {
  public static final int CA_KEY_BITS = 3072;
  public static final int DEVICE_KEY_BITS = 2048;

  /** When device certificates end, as AWS IoT's own do. */
  public static final Instant DEVICE_NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");

  /** The subject common name of CreateKeysAndCertificate, like AWS's "AWS IoT Certificate". */
  public static final String DEVICE_COMMON_NAME = "Lamplighter Device Certificate";

  static final Period ROOT_VALIDITY = Period.ofYears(20);
  static final Period ISSUING_VALIDITY = Period.ofYears(10);
  private static final int MAX_ORGANIZATION_LENGTH = 64;
  private static final int MAX_COMMON_NAME_LENGTH = 64;
  private static final String DNS_LABEL = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";
  private static final Pattern DNS_NAME =
      Pattern.compile("(\\*\\.)?" + DNS_LABEL + "(\\." + DNS_LABEL + ")*");

  private final ParsedCertificate root;
  private final PrivateKey rootKey;
  private final ParsedCertificate issuing;
  private final PrivateKey issuingKey;
  private final Clock clock;
  private final SecureRandom random;
  private final CertificateSigner signer;

  private CertificateAuthority(
      ParsedCertificate root,
      PrivateKey rootKey,
      ParsedCertificate issuing,
      PrivateKey issuingKey,
      Clock clock,
      SecureRandom random) {
    this.root = root;
    this.rootKey = rootKey;
    this.issuing = issuing;
    this.issuingKey = issuingKey;
    this.clock = clock;
    this.random = random;
    this.signer = CertificateSigner.of(issuing, issuingKey, random);
  }

  /**
   * Creates a new root and issuing CA, named {@code CN=Lamplighter Root CA, O=organization} and
   * {@code CN=Lamplighter Issuing CA, O=organization}. Generates two RSA 3072 keys, which takes a
   * second or more.
   */
  public static CertificateAuthority create(String organization, Clock clock, SecureRandom random) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    if (organization == null
        || organization.isBlank()
        || organization.length() > MAX_ORGANIZATION_LENGTH) {
      throw new IllegalArgumentException(
          "the CA organization must be 1 to " + MAX_ORGANIZATION_LENGTH + " characters");
    }
    Instant now = now(clock);
    KeyPair rootKeys = Keys.rsa(CA_KEY_BITS, random);
    X500Name rootName = caName(organization, "Lamplighter Root CA");
    Instant rootEnd = latest(plus(now, ROOT_VALIDITY), DEVICE_NOT_AFTER);
    ParsedCertificate root =
        new CertificateSigner(rootName, rootKeys.getPublic(), rootKeys.getPrivate(), random)
            .sign(
                new CertificateSigner.Template(
                    rootName,
                    rootKeys.getPublic(),
                    now,
                    rootEnd,
                    CertificateProfile.ROOT_CA,
                    List.of()));
    KeyPair issuingKeys = Keys.rsa(CA_KEY_BITS, random);
    ParsedCertificate issuing =
        certifyIssuingKey(
            root,
            rootKeys.getPrivate(),
            caName(organization, "Lamplighter Issuing CA"),
            issuingKeys.getPublic(),
            now,
            random);
    return new CertificateAuthority(
        root, rootKeys.getPrivate(), issuing, issuingKeys.getPrivate(), clock, random);
  }

  /**
   * Restores a CA from what {@link #export()} returned.
   *
   * @throws IllegalArgumentException naming the problem when the material is not a root CA, an
   *     issuing CA it signed, and their two private keys
   */
  public static CertificateAuthority restore(
      CaMaterial material, Clock clock, SecureRandom random) {
    ParsedCertificate root = certificate(material.rootCertificatePem(), "root");
    ParsedCertificate issuing = certificate(material.issuingCertificatePem(), "issuing");
    if (!root.isCa() || !root.isSelfSigned()) {
      throw new IllegalArgumentException("the stored root certificate is not a self-signed CA");
    }
    if (!issuing.isCa() || !issuing.isIssuedBy(root)) {
      throw new IllegalArgumentException("the stored issuing certificate is not a CA of the root");
    }
    PrivateKey rootKey = Keys.fromPkcs8(material.rootPrivateKey());
    PrivateKey issuingKey = Keys.fromPkcs8(material.issuingPrivateKey());
    if (!Keys.matches(rootKey, root.publicKey(), random)) {
      throw new IllegalArgumentException("the stored root key does not match the root certificate");
    }
    if (!Keys.matches(issuingKey, issuing.publicKey(), random)) {
      throw new IllegalArgumentException(
          "the stored issuing key does not match the issuing certificate");
    }
    return new CertificateAuthority(root, rootKey, issuing, issuingKey, clock, random);
  }

  private static ParsedCertificate certificate(String pem, String which) {
    try {
      return ParsedCertificate.parse(pem);
    } catch (ServiceException e) {
      throw new IllegalArgumentException(
          "the stored " + which + " certificate is unusable: " + e.getMessage(), e);
    }
  }

  /** Both certificates and both private keys, for the caller to seal and store. */
  public CaMaterial export() {
    return new CaMaterial(root.pem(), issuing.pem(), rootKey.getEncoded(), issuingKey.getEncoded());
  }

  public ParsedCertificate rootCertificate() {
    return root;
  }

  public ParsedCertificate issuingCertificate() {
    return issuing;
  }

  /** The trust anchor devices install to verify the server. */
  public String rootCertificatePem() {
    return root.pem();
  }

  /** The issuing CA followed by the root. */
  public String chainPem() {
    return issuing.pem() + root.pem();
  }

  /**
   * For CreateKeysAndCertificate: a fresh RSA 2048 key pair and a device certificate for it, with
   * the subject {@code CN=Lamplighter Device Certificate}. The private key is returned, never kept.
   */
  public KeysAndCertificate createKeysAndCertificate() {
    KeyPair keys = Keys.rsa(DEVICE_KEY_BITS, random);
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, DEVICE_COMMON_NAME).build();
    IssuedCertificate certificate = issueDevice(subject, keys.getPublic());
    return new KeysAndCertificate(
        certificate, Keys.publicKeyPem(keys.getPublic()), Keys.rsaPrivateKeyPem(keys.getPrivate()));
  }

  /**
   * For CreateCertificateFromCsr: a device certificate for the key and subject of a PKCS#10 CSR.
   * Requested extensions are ignored.
   *
   * @throws ServiceException INVALID_REQUEST when the CSR is not one PEM block of at most 4096
   *     characters, does not parse, has a key other than RSA of at least 2048 bits or EC on P-256,
   *     P-384 or P-521, or its signature does not verify
   */
  public IssuedCertificate signCsr(String csrPem) {
    SigningRequest request = SigningRequest.parse(csrPem);
    return issueDevice(request.subject(), request.publicKey());
  }

  private IssuedCertificate issueDevice(X500Name subject, PublicKey key) {
    Instant now = now(clock);
    Instant end = DEVICE_NOT_AFTER.isAfter(now) ? DEVICE_NOT_AFTER : root.notAfter();
    return issue(
        subject, key, now, earliest(end, root.notAfter()), CertificateProfile.DEVICE, List.of());
  }

  /**
   * A certificate for a TLS listener of this server, for {@code key}, with the given DNS names and
   * IP addresses as subject alternative names. It ends after {@code validity}, or with the issuing
   * CA if that is sooner; {@link IssuedCertificate#renewAfter()} says when to replace it.
   *
   * @throws IllegalArgumentException when there is no name, a name is not a DNS name (a leading
   *     {@code *.} is allowed) or IP address literal, or the validity is not positive
   */
  public IssuedCertificate issueServerCertificate(
      List<String> dnsNames, List<String> ipAddresses, Duration validity, PublicKey key) {
    Objects.requireNonNull(key, "key");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("the server certificate validity must be positive");
    }
    List<GeneralName> names = new ArrayList<>();
    for (String dnsName : dnsNames) {
      if (dnsName.length() > 253 || !DNS_NAME.matcher(dnsName).matches()) {
        throw new IllegalArgumentException("not a DNS name: " + dnsName);
      }
      names.add(new GeneralName(GeneralName.dNSName, dnsName));
    }
    for (String ipAddress : ipAddresses) {
      if (!IPAddress.isValid(ipAddress)) {
        throw new IllegalArgumentException("not an IP address: " + ipAddress);
      }
      names.add(new GeneralName(GeneralName.iPAddress, ipAddress));
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a server certificate needs a DNS name or IP address");
    }
    String first = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(
                BCStyle.CN, first.length() <= MAX_COMMON_NAME_LENGTH ? first : "Lamplighter Server")
            .build();
    Instant now = now(clock);
    Instant end = earliest(now.plus(validity), issuing.notAfter());
    return issue(subject, key, now, end, CertificateProfile.SERVER, names);
  }

  private IssuedCertificate issue(
      X500Name subject,
      PublicKey key,
      Instant notBefore,
      Instant notAfter,
      CertificateProfile profile,
      List<GeneralName> names) {
    ParsedCertificate certificate =
        signer.sign(
            new CertificateSigner.Template(subject, key, notBefore, notAfter, profile, names));
    return new IssuedCertificate(certificate, issuing);
  }

  /** Whether two thirds of the issuing CA certificate's validity have passed. */
  public boolean issuingCertificateRenewalDue() {
    return !clock.instant().isBefore(IssuedCertificate.renewAfter(issuing));
  }

  /**
   * A CA whose issuing certificate is new (10 years from now, at most until the root ends) for the
   * same issuing key and name, signed by the root. Certificates this CA issued before keep chaining
   * to the root through it. The caller stores the new {@link #export()}.
   */
  public CertificateAuthority renewIssuingCertificate() {
    ParsedCertificate renewed =
        certifyIssuingKey(
            root,
            rootKey,
            X500Name.getInstance(issuing.x509().getSubjectX500Principal().getEncoded()),
            issuing.publicKey(),
            now(clock),
            random);
    return new CertificateAuthority(root, rootKey, renewed, issuingKey, clock, random);
  }

  private static ParsedCertificate certifyIssuingKey(
      ParsedCertificate root,
      PrivateKey rootKey,
      X500Name name,
      PublicKey issuingKey,
      Instant now,
      SecureRandom random) {
    Instant end = earliest(plus(now, ISSUING_VALIDITY), root.notAfter());
    return CertificateSigner.of(root, rootKey, random)
        .sign(
            new CertificateSigner.Template(
                name, issuingKey, now, end, CertificateProfile.ISSUING_CA, List.of()));
  }

  private static X500Name caName(String organization, String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, organization)
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  /** X.509 times have whole seconds. */
  private static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static Instant plus(Instant instant, Period period) {
    return instant.atOffset(ZoneOffset.UTC).plus(period).toInstant();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public String toString() {
    return "CertificateAuthority[root="
        + root.certificateId()
        + ", issuing="
        + issuing.certificateId()
        + "]";
  }
}

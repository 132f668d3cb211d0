package dev.lamplighter.api.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lamplighter.api.sigv4.TestVectors.Case;
import dev.lamplighter.api.sigv4.TestVectors.Variant;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.security.SigningCredential;
import dev.lamplighter.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a caller observes from the verifier, beyond the AWS test vectors. */
class SigV4VerifierTest {
  private static final Case VANILLA = TestVectors.named("get-vanilla");
  private static final Case FORM = TestVectors.named("post-x-www-form-urlencoded");
  private static final Case TOKEN_AFTER = TestVectors.named("post-sts-header-after");
  private static final String CREDENTIAL = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";

  private final MutableClock clock = MutableClock.at("2015-08-30T12:36:00Z");
  private final SigV4Verifier verifier = VANILLA.verifier(clock);

  private final SignedRequest headerSigned = VANILLA.signedRequest(Variant.HEADER);
  private final SignedRequest presigned = VANILLA.signedRequest(Variant.QUERY);

  // --- presence -----------------------------------------------------------------------------

  @Test
  void request_withoutAuthorizationOrPresignedSignature_isMissingAuthentication() {
    SignedRequest unsigned = Requests.withHeader(headerSigned, "Authorization", null);

    assertRefused(unsigned, ErrorCode.MISSING_AUTHENTICATION, "Missing Authentication Token");
  }

  @Test
  void request_withBothAuthorizationAndPresignedSignature_isIncomplete() {
    SignedRequest both =
        Requests.withHeader(
            presigned, "Authorization", Requests.header(headerSigned, "Authorization"));

    assertRefused(both, ErrorCode.INCOMPLETE_SIGNATURE, "Only one auth mechanism allowed");
  }

  // --- clock skew ---------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"2015-08-30T12:51:00Z", "2015-08-30T12:21:00Z", "2015-08-30T12:50:59Z"})
  void headerSigned_withinFifteenMinutesOfTheClock_isAccepted(String now) {
    clock.set(Instant.parse(now));

    assertThat(verifier.verify(headerSigned).accessKeyId()).isEqualTo("AKIDEXAMPLE");
  }

  @Test
  void headerSigned_oneSecondMoreThanFifteenMinutesOld_isExpired() {
    clock.set(Instant.parse("2015-08-30T12:51:01Z"));

    assertRefused(
        headerSigned,
        ErrorCode.SIGNATURE_EXPIRED,
        "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z"
            + " (20150830T125101Z - 15 min.)");
  }

  @Test
  void headerSigned_oneSecondMoreThanFifteenMinutesAhead_isNotYetCurrent() {
    clock.set(Instant.parse("2015-08-30T12:20:59Z"));

    assertRefused(
        headerSigned,
        ErrorCode.SIGNATURE_EXPIRED,
        "Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z"
            + " (20150830T122059Z + 15 min.)");
  }

  @Test
  void expiredMessage_isWordedAsAws() {
    clock.set(Instant.parse("2015-08-30T13:00:00Z"));

    assertRefused(
        headerSigned,
        ErrorCode.SIGNATURE_EXPIRED,
        "Signature expired: 20150830T123600Z is now earlier than 20150830T124500Z"
            + " (20150830T130000Z - 15 min.)");
  }

  @Test
  void notYetCurrentMessage_isWordedAsAws() {
    SdkSigner sdk =
        new SdkSigner(
            "AKIDEXAMPLE",
            VANILLA.secretAccessKey(),
            "us-east-1",
            "service",
            MutableClock.at("2015-08-30T13:00:00Z"));
    SignedRequest signedAtOne = sdk.sign(SdkSigner.request("GET", "/"), null);
    clock.set(Instant.parse("2015-08-30T12:30:00Z"));

    assertRefused(
        signedAtOne,
        ErrorCode.SIGNATURE_EXPIRED,
        "Signature not yet current: 20150830T130000Z is still later than 20150830T124500Z"
            + " (20150830T123000Z + 15 min.)");
  }

  // --- presigned expiry ---------------------------------------------------------------------

  @Test
  void presigned_untilItsExpiry_isAcceptedBeyondTheSkew() {
    clock.set(Instant.parse("2015-08-30T13:36:00Z"));

    assertThat(verifier.verify(presigned).accessKeyId()).isEqualTo("AKIDEXAMPLE");
  }

  @Test
  void presigned_oneSecondAfterItsExpiry_isExpired() {
    clock.set(Instant.parse("2015-08-30T13:36:01Z"));

    assertRefused(
        presigned,
        ErrorCode.SIGNATURE_EXPIRED,
        "Signature expired: 20150830T133600Z (20150830T123600Z + 3600 s) is now earlier than"
            + " 20150830T133601Z");
  }

  @Test
  void presigned_datedMoreThanTheSkewAhead_isNotYetCurrent() {
    clock.set(Instant.parse("2015-08-30T12:20:59Z"));

    assertRefused(presigned, ErrorCode.SIGNATURE_EXPIRED, "Signature not yet current");
  }

  @Test
  void presigned_forSevenDays_isAcceptedToItsLastSecondOnly() {
    SdkSigner sdk =
        new SdkSigner("AKIDEXAMPLE", VANILLA.secretAccessKey(), "us-east-1", "service", clock);
    SignedRequest week = sdk.presign(SdkSigner.request("GET", "/"), null, Duration.ofDays(7));

    clock.advance(Duration.ofDays(7));
    assertThat(verifier.verify(week).accessKeyId()).isEqualTo("AKIDEXAMPLE");
    clock.advance(Duration.ofSeconds(1));
    assertRefused(week, ErrorCode.SIGNATURE_EXPIRED, "Signature expired");
  }

  @Test
  void presigned_withoutExpires_isHeldToTheSkew() {
    SignedRequest noExpires =
        resign(
            Requests.withQuery(
                presigned,
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                    + CREDENTIAL.replace("/", "%2F")
                    + "&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host"
                    + "&X-Amz-Signature=0"));

    clock.set(Instant.parse("2015-08-30T12:51:00Z"));
    assertThat(verifier.verify(noExpires).accessKeyId()).isEqualTo("AKIDEXAMPLE");
    clock.set(Instant.parse("2015-08-30T12:51:01Z"));
    assertRefused(noExpires, ErrorCode.SIGNATURE_EXPIRED, "Signature expired");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "604801", "-1", "1.5", "abc", ""})
  void presigned_withExpiresOutOfRange_isIncomplete(String expires) {
    SignedRequest request = Requests.withQueryParam(presigned, "X-Amz-Expires", v -> expires);

    assertRefused(request, ErrorCode.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be");
  }

  // --- credentials --------------------------------------------------------------------------

  @Test
  void unknownAccessKey_isUnrecognizedClient() {
    SigV4Verifier knowsNoKey =
        new SigV4Verifier(
            key -> Optional.empty(), clock, Duration.ofMinutes(15), Set.of("service"), true);

    ServiceException refused = refusal(knowsNoKey, headerSigned);

    assertThat(refused.code()).isEqualTo(ErrorCode.UNRECOGNIZED_CLIENT);
    assertThat(refused.getMessage())
        .isEqualTo("The security token included in the request is invalid.");
  }

  @Test
  void wrongSecret_isInvalidSignatureWithAwsMessage() {
    SigV4Verifier wrongSecret = verifierWithSecret(new AtomicReference<>("not-the-secret"));

    ServiceException refused = refusal(wrongSecret, headerSigned);

    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    assertThat(refused.getMessage())
        .isEqualTo(
            "The request signature we calculated does not match the signature you provided."
                + " Check your AWS Secret Access Key and signing method. Consult the service"
                + " documentation for details.");
  }

  @Test
  void rotatedSecret_isNotServedAnOldCachedSigningKey() {
    AtomicReference<String> secret = new AtomicReference<>(VANILLA.secretAccessKey());
    SigV4Verifier rotating = verifierWithSecret(secret);
    assertThat(rotating.verify(headerSigned).accessKeyId()).isEqualTo("AKIDEXAMPLE");

    secret.set("rotated-secret");

    assertThat(refusal(rotating, headerSigned).code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
  }

  @Test
  void serviceNotAccepted_isInvalidSignatureNamingBothServices() {
    SigV4Verifier iotOnly =
        new SigV4Verifier(
            key -> Optional.of(VANILLA.credential()),
            clock,
            Duration.ofMinutes(15),
            Set.of("iot"),
            true);

    ServiceException refused = refusal(iotOnly, headerSigned);

    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    assertThat(refused.getMessage())
        .isEqualTo("Credential should be scoped to correct service: 'iot', not 'service'.");
  }

  // --- malformed signatures -----------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no Credential        | AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=5f | Authorization header requires 'Credential' parameter. Authorization=AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=5f
          no SignedHeaders     | AWS4-HMAC-SHA256 Credential=CRED, Signature=5f               | Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=CRED, Signature=5f
          no Signature         | AWS4-HMAC-SHA256 Credential=CRED, SignedHeaders=host         | Authorization header requires 'Signature' parameter. Authorization=
          nothing at all       | AWS4-HMAC-SHA256                                             | Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.
          another algorithm    | AWS4-HMAC-SHA512 Credential=CRED, SignedHeaders=host, Signature=5f | Unsupported Authorization type 'AWS4-HMAC-SHA512'
          another scheme       | Bearer some.jwt.token                                        | Unsupported Authorization type 'Bearer'
          a pair without '='   | AWS4-HMAC-SHA256 Credential=CRED, SignedHeaders, Signature=5f | Invalid key=value pair (missing equal-sign) in Authorization header
          a short scope        | AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/aws4_request, SignedHeaders=host;x-amz-date, Signature=5f | Credential must have exactly 5 slash-delimited elements
          another terminator   | AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws5_request, SignedHeaders=host;x-amz-date, Signature=5f | Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.
          another scope date   | AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150831/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5f | Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'.
          an invalid region    | AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/moon/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5f | Credential should be scoped to a valid region, not 'moon'.
          host not signed      | AWS4-HMAC-SHA256 Credential=CRED, SignedHeaders=x-amz-date, Signature=5f | 'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.
          """)
  void malformedAuthorizationHeader_isIncompleteSaying(
      String defect, String authorization, String message) {
    SignedRequest request =
        Requests.withHeader(
            headerSigned, "Authorization", List.of(authorization.replace("CRED", CREDENTIAL)));

    assertRefused(request, ErrorCode.INCOMPLETE_SIGNATURE, message.replace("CRED", CREDENTIAL));
  }

  @Test
  void malformedAuthorizationHeader_isNotEchoedWhenItIsNotAws4() {
    SignedRequest request =
        Requests.withHeader(headerSigned, "Authorization", List.of("Bearer secret-token"));

    assertThat(refusal(verifier, request).getMessage()).doesNotContain("secret-token");
  }

  @Test
  void headerSigned_withoutAnyDate_isIncomplete() {
    SignedRequest request = Requests.withHeader(headerSigned, "X-Amz-Date", null);

    assertRefused(
        request,
        ErrorCode.INCOMPLETE_SIGNATURE,
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }

  @Test
  void headerSigned_withDateNotInBasicFormat_isIncomplete() {
    SignedRequest request =
        Requests.withHeader(headerSigned, "X-Amz-Date", List.of("2015-08-30T12:36:00Z"));

    assertRefused(
        request,
        ErrorCode.INCOMPLETE_SIGNATURE,
        "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'.");
  }

  @Test
  void headerSigned_twoAuthorizationHeaders_isIncomplete() {
    List<String> twice = List.of(Requests.header(headerSigned, "Authorization").get(0), "x");
    SignedRequest request = Requests.withHeader(headerSigned, "Authorization", twice);

    assertRefused(request, ErrorCode.INCOMPLETE_SIGNATURE, "Only one Authorization header");
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders"})
  void presigned_withoutARequiredParameter_isIncompleteNamingIt(String parameter) {
    String query =
        String.join(
            "&",
            Requests.queryParamNames(presigned).stream()
                .filter(name -> !name.equals(parameter))
                .map(name -> name + "=" + Requests.queryParam(presigned, name))
                .toList());

    assertRefused(
        Requests.withQuery(presigned, query),
        ErrorCode.INCOMPLETE_SIGNATURE,
        "AWS query-string parameters must include '" + parameter + "'.");
  }

  @Test
  void presigned_withAnotherAlgorithm_isIncomplete() {
    SignedRequest request =
        Requests.withQueryParam(presigned, "X-Amz-Algorithm", v -> "AWS4-HMAC-SHA1");

    assertRefused(
        request,
        ErrorCode.INCOMPLETE_SIGNATURE,
        "X-Amz-Algorithm only supports 'AWS4-HMAC-SHA256'");
  }

  // --- what is signed -----------------------------------------------------------------------

  @Test
  void bodyNotMatchingItsDeclaredContentSha256_isInvalidSignatureWithAwsMessage() {
    SignedRequest request = Requests.withBody(FORM.signedRequest(Variant.HEADER), "Param1=value2");

    ServiceException refused = refusal(FORM.verifier(), request);

    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    assertThat(refused.getMessage())
        .isEqualTo("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }

  @Test
  void unsignedPayload_isAcceptedWithoutABody_butRefusedWithOne() {
    SignedRequest declared =
        Requests.withHeader(
            Requests.withHeader(
                Requests.withBody(headerSigned, "any body"),
                "x-amz-content-sha256",
                List.of("UNSIGNED-PAYLOAD")),
            "Authorization",
            List.of(
                "AWS4-HMAC-SHA256 Credential="
                    + CREDENTIAL
                    + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0"));
    SignedRequest signed = resign(declared);

    assertThat(verifier.canonicalRequest(signed, false).text()).endsWith("\nUNSIGNED-PAYLOAD");
    assertThat(verifier.verify(Requests.withBody(signed, "")).accessKeyId())
        .isEqualTo("AKIDEXAMPLE");
    ServiceException refused = refusal(verifier, Requests.withBody(signed, "another body"));
    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    assertThat(refused.getMessage()).contains("UNSIGNED-PAYLOAD");
  }

  @Test
  void headerSigned_withDateHeaderInsteadOfXAmzDate_isAccepted() {
    SignedRequest request =
        resign(
            Requests.withHeader(
                Requests.withHeader(
                    Requests.withHeader(headerSigned, "X-Amz-Date", null),
                    "Date",
                    List.of("Sun, 30 Aug 2015 12:36:00 GMT")),
                "Authorization",
                List.of(
                    "AWS4-HMAC-SHA256 Credential="
                        + CREDENTIAL
                        + ", SignedHeaders=date;host, Signature=0")));

    assertThat(verifier.canonicalRequest(request, false).stringToSign())
        .startsWith("AWS4-HMAC-SHA256\n20150830T123600Z\n");
    assertThat(verifier.verify(request).accessKeyId()).isEqualTo("AKIDEXAMPLE");
    assertThat(refusal(verifier, Requests.withHeader(request, "Date", List.of("x"))).code())
        .isEqualTo(ErrorCode.INCOMPLETE_SIGNATURE);
  }

  @Test
  void presignedSessionTokenAppendedAfterSigning_isAcceptedThoughNotCovered() {
    SignedRequest appended = TOKEN_AFTER.signedRequest(Variant.QUERY);
    SignedRequest otherToken =
        Requests.withQueryParam(appended, "X-Amz-Security-Token", v -> "another-token");

    assertThat(TOKEN_AFTER.verifier().verify(otherToken).accessKeyId()).isEqualTo("AKIDEXAMPLE");
  }

  @Test
  void headerNames_inAnyCase_areMatched() {
    Map<String, List<String>> shouted = new LinkedHashMap<>();
    headerSigned
        .headers()
        .forEach((name, values) -> shouted.put(name.toUpperCase(Locale.ROOT), values));
    SignedRequest request =
        new SignedRequest("GET", "/", null, shouted, "".getBytes(StandardCharsets.UTF_8));

    assertThat(verifier.verify(request).accessKeyId()).isEqualTo("AKIDEXAMPLE");
  }

  // --- helpers ------------------------------------------------------------------------------

  private SigV4Verifier verifierWithSecret(AtomicReference<String> secret) {
    return new SigV4Verifier(
        key -> Optional.of(new SigningCredential("AKIDEXAMPLE", secret.get(), TestVectors.ACCOUNT)),
        clock,
        Duration.ofMinutes(15),
        Set.of("service"),
        true);
  }

  /**
   * Puts the right signature into a request whose signature is the placeholder "0", computed from
   * the verifier's own canonical request: for shapes no signer at hand produces (a Date header,
   * UNSIGNED-PAYLOAD, a presigned request without X-Amz-Expires). The canonical request itself is
   * checked against AWS's vectors and the AWS SDK in the other test classes.
   */
  private SignedRequest resign(SignedRequest request) {
    String stringToSign = verifier.canonicalRequest(request, false).stringToSign();
    String signature =
        Hashing.hex(
            Hashing.hmac(
                    SigningKeyCache.derive(
                        VANILLA.secretAccessKey(), "20150830", "us-east-1", "service"))
                .doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    if (request.rawQuery() != null && request.rawQuery().contains("X-Amz-Signature=0")) {
      return Requests.withQueryParam(request, "X-Amz-Signature", v -> signature);
    }
    String authorization = Requests.header(request, "Authorization").get(0);
    return Requests.withHeader(
        request,
        "Authorization",
        List.of(authorization.replace("Signature=0", "Signature=" + signature)));
  }

  private void assertRefused(SignedRequest request, ErrorCode code, String message) {
    ServiceException refused = refusal(verifier, request);
    assertThat(refused.code()).isEqualTo(code);
    assertThat(refused.getMessage()).contains(message);
  }

  private static ServiceException refusal(SigV4Verifier verifier, SignedRequest request) {
    ServiceException refused =
        catchThrowableOfType(ServiceException.class, () -> verifier.verify(request));
    assertThat(refused).as("the request is refused").isNotNull();
    return refused;
  }
}

package dev.lamplighter.api.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import dev.lamplighter.security.SigningCredential;
import dev.lamplighter.testkit.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Requests signed by the AWS SDK for Java v2's own signer, for service {@code iot}, as the AWS IoT
 * clients send them: path parameters with {@code :} and {@code $}, query values with spaces and
 * {@code +}, bodies on POST and PATCH.
 */
class SigV4VerifierAwsSdkTest {
  private static final String KEY = "AKIALAMPLIGHTTEST01";
  private static final String SECRET = "lamplighter/secret+key/for+tests/0123456789";
  private static final AccountId ACCOUNT = AccountId.of("111122223333");

  private final MutableClock clock = MutableClock.at("2025-03-14T09:26:53Z");
  private final SdkSigner sdk = new SdkSigner(KEY, SECRET, "eu-west-1", "iot", clock);
  private final SigV4Verifier verifier =
      new SigV4Verifier(
          key ->
              key.equals(KEY)
                  ? Optional.of(new SigningCredential(KEY, SECRET, ACCOUNT))
                  : Optional.empty(),
          clock,
          Duration.ofMinutes(15),
          Set.of("iot", "execute-api"),
          true);

  static Stream<Arguments> requests() {
    String thing = SdkHttpUtils.urlEncode("street:light$42");
    return Stream.of(
        Arguments.of(
            "GET /things/{thingName} with ':' and '$' encoded",
            SdkSigner.request("GET", "/things/" + thing),
            null),
        Arguments.of(
            "GET /things/{thingName} with ':' and '$' left raw",
            SdkSigner.request("GET", "/things/street:light$42"),
            null),
        Arguments.of(
            "GET /things with spaces and '+' in the query",
            SdkSigner.request(
                "GET",
                "/things",
                "attributeName",
                "street name",
                "attributeValue",
                "Elm St+1 & 2=3",
                "maxResults",
                "10"),
            null),
        Arguments.of(
            "GET with a repeated query parameter and an empty value",
            SdkSigner.request("GET", "/thing-groups", "tag", "b", "tag", "a", "nextToken", ""),
            null),
        Arguments.of(
            "POST /things/{thingName} with a JSON body",
            SdkSigner.request("POST", "/things/" + thing),
            "{\"thingTypeName\":\"StreetLight\",\"attributePayload\":{\"attributes\":"
                + "{\"street\":\"Elm St+1\"}}}"),
        Arguments.of(
            "PATCH /things/{thingName} with a body and a query",
            SdkSigner.request("PATCH", "/things/" + thing, "expectedVersion", "3"),
            "{\"attributePayload\":{\"merge\":true}}"),
        Arguments.of(
            "DELETE /things/{thingName} with a query",
            SdkSigner.request("DELETE", "/things/" + thing, "expectedVersion", "7"),
            null),
        Arguments.of(
            "GET with dot segments and repeated slashes, which the SDK normalizes",
            SdkSigner.request("GET", "/things//lamp-1/./jobs/../shadow"),
            null),
        Arguments.of(
            "GET with '..' last and an encoded slash",
            SdkSigner.request("GET", "/things/a%2Fb/..%2F/x/.."),
            null),
        Arguments.of("GET with a trailing slash", SdkSigner.request("GET", "/things/"), null),
        Arguments.of(
            "GET /jobs/$next with unicode in the query",
            SdkSigner.request("GET", "/things/lamp-1/jobs/$next", "filter", "état ✓"),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void headerSignedBySdk_isAccepted(String name, SdkHttpRequest request, String body) {
    VerifiedCaller caller = verifier.verify(sdk.sign(request, body));

    assertThat(caller).isEqualTo(new VerifiedCaller(ACCOUNT, KEY, Region.of("eu-west-1"), "iot"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void presignedBySdk_isAccepted(String name, SdkHttpRequest request, String body) {
    VerifiedCaller caller = verifier.verify(sdk.presign(request, body, Duration.ofMinutes(5)));

    assertThat(caller).isEqualTo(new VerifiedCaller(ACCOUNT, KEY, Region.of("eu-west-1"), "iot"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void headerSignedBySdk_withAnotherQuery_isRefused(
      String name, SdkHttpRequest request, String body) {
    SignedRequest signed = sdk.sign(request, body);
    String query = signed.rawQuery() == null ? "x=1" : signed.rawQuery() + "&x=1";

    ServiceException refused =
        catchThrowableOfType(
            ServiceException.class, () -> verifier.verify(Requests.withQuery(signed, query)));

    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
  }

  @Test
  void sdkSignedForOlderClientsServiceName_isAcceptedWithThatService() {
    SdkSigner olderClient = new SdkSigner(KEY, SECRET, "eu-west-1", "execute-api", clock);

    VerifiedCaller caller = verifier.verify(olderClient.sign(thingsRequest(), null));

    assertThat(caller.service()).isEqualTo("execute-api");
  }

  @Test
  void sdkSignedForAnotherService_isRefusedNamingTheService() {
    SdkSigner s3 = new SdkSigner(KEY, SECRET, "eu-west-1", "s3", clock);

    ServiceException refused =
        catchThrowableOfType(
            ServiceException.class, () -> verifier.verify(s3.sign(thingsRequest(), null)));

    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    assertThat(refused.getMessage()).contains("'s3'").contains("'iot'");
  }

  @Test
  void sdkSignedRequest_replayedAfterTheSkew_isExpired() {
    SignedRequest signed = sdk.sign(thingsRequest(), null);
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    ServiceException refused =
        catchThrowableOfType(ServiceException.class, () -> verifier.verify(signed));

    assertThat(refused.code()).isEqualTo(ErrorCode.SIGNATURE_EXPIRED);
  }

  private static SdkHttpRequest thingsRequest() {
    return SdkSigner.request("GET", "/things", "maxResults", "5");
  }
}

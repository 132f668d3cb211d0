package dev.lamplighter.api.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lamplighter.api.sigv4.TestVectors.Case;
import dev.lamplighter.api.sigv4.TestVectors.Variant;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of the suite, each variant, with one change at a time: the method, the path, a query
 * parameter (one added, each existing one changed), the value of each signed header, the body, the
 * request date. Each changed request must be refused, and the unchanged one accepted.
 *
 * <p>Not changed, because they are not covered by the signature and so a change is not tampering:
 * the presigned request's own {@code X-Amz-Signature}, and in {@code post-sts-header-after} the
 * session token that was added after signing. Parameters that carry the signature's own parts
 * ({@code X-Amz-Algorithm}, {@code -Credential}, {@code -SignedHeaders}) are refused for their
 * shape or key before any signature is computed and have their own tests in {@link
 * SigV4VerifierTest}; {@code X-Amz-Date} is the date change.
 */
class SigV4VerifierTamperTest {
  private static final Set<String> SIGNATURE_PARTS =
      Set.of(
          "X-Amz-Signature",
          "X-Amz-Algorithm",
          "X-Amz-Credential",
          "X-Amz-SignedHeaders",
          "X-Amz-Date");

  @TestFactory
  Stream<DynamicNode> everySingleChangeToASignedVector_isRefused() {
    return TestVectors.all().stream()
        .flatMap(c -> Arrays.stream(Variant.values()).map(v -> container(c, v)));
  }

  private static DynamicContainer container(Case vector, Variant variant) {
    SignedRequest signed = vector.signedRequest(variant);
    SigV4Verifier verifier = vector.verifier();
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "unchanged request is accepted",
            () -> assertThat(verifier.verify(signed).accessKeyId()).isEqualTo("AKIDEXAMPLE")));

    for (Tamper tamper : tampers(vector, variant, signed)) {
      tests.add(
          DynamicTest.dynamicTest(
              tamper.name(),
              () -> {
                ServiceException refused =
                    catchThrowableOfType(
                        ServiceException.class, () -> verifier.verify(tamper.request()));
                assertThat(refused).as(tamper.name() + " is refused").isNotNull();
                assertThat(refused.code()).isIn(tamper.expected());
              }));
    }
    return DynamicContainer.dynamicContainer(vector.name() + " " + variant, tests);
  }

  record Tamper(String name, SignedRequest request, Set<ErrorCode> expected) {
    Tamper(String name, SignedRequest request) {
      this(name, request, Set.of(ErrorCode.INVALID_SIGNATURE));
    }
  }

  private static List<Tamper> tampers(Case vector, Variant variant, SignedRequest signed) {
    List<Tamper> tampers = new ArrayList<>();
    String otherMethod = signed.method().equals("GET") ? "POST" : "GET";
    tampers.add(new Tamper("method " + otherMethod, Requests.withMethod(signed, otherMethod)));
    tampers.add(new Tamper("path + 'x'", Requests.withPath(signed, signed.rawPath() + "x")));

    String query = signed.rawQuery();
    tampers.add(
        new Tamper(
            "query parameter added",
            Requests.withQuery(signed, query == null ? "tampered=1" : query + "&tampered=1")));
    for (String name : Requests.queryParamNames(signed)) {
      boolean unsignedToken =
          name.equals("X-Amz-Security-Token")
              && variant == Variant.QUERY
              && vector.omitSessionToken();
      if (SIGNATURE_PARTS.contains(name) || unsignedToken) {
        continue;
      }
      tampers.add(
          new Tamper(
              "query parameter " + name + " changed",
              Requests.withQueryParam(signed, name, changedValue())));
    }

    for (String header : signedHeaders(signed, variant)) {
      if (header.equals("x-amz-date")) {
        continue; // the date change below
      }
      List<String> values = new ArrayList<>(Requests.header(signed, header));
      int last = values.size() - 1;
      values.set(last, values.get(last) + "x");
      tampers.add(
          new Tamper(
              "signed header " + header + " changed", Requests.withHeader(signed, header, values)));
    }

    String body = new String(signed.body(), StandardCharsets.UTF_8);
    tampers.add(
        body.isEmpty()
            ? new Tamper("body added", Requests.withBody(signed, "Param1=value1"))
            : new Tamper("body changed", Requests.withBody(signed, body.replace('1', '2'))));

    Set<ErrorCode> dateCodes = Set.of(ErrorCode.INVALID_SIGNATURE, ErrorCode.SIGNATURE_EXPIRED);
    String later = AmzDate.formatBasic(vector.timestamp().plusSeconds(1));
    if (variant == Variant.HEADER) {
      tampers.add(
          new Tamper(
              "X-Amz-Date one second later",
              Requests.withHeader(signed, "X-Amz-Date", List.of(later)),
              dateCodes));
    } else {
      tampers.add(
          new Tamper(
              "X-Amz-Date one second later",
              Requests.withQueryParam(signed, "X-Amz-Date", d -> later),
              dateCodes));
    }
    return tampers;
  }

  /** A changed value: a number one more, anything else with an 'x' appended. */
  private static UnaryOperator<String> changedValue() {
    return value ->
        !value.isEmpty() && value.chars().allMatch(Character::isDigit)
            ? Long.toString(Long.parseLong(value) + 1)
            : value + "x";
  }

  private static List<String> signedHeaders(SignedRequest signed, Variant variant) {
    String list;
    if (variant == Variant.HEADER) {
      String authorization = Requests.header(signed, "Authorization").get(0);
      int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
      int end = authorization.indexOf(',', start);
      list = authorization.substring(start, end);
    } else {
      list = Requests.queryParam(signed, "X-Amz-SignedHeaders").replace("%3B", ";");
    }
    return List.of(list.toLowerCase(Locale.ROOT).split(";"));
  }
}

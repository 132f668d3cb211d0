package dev.lamplighter.api.sigv4;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Region;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads the signature parts of a request and checks their shape, with the messages AWS gives for
 * each defect. Everything here is decided from the request alone: no secret, no clock.
 */
final class SignatureParser {
  static final String AUTHORIZATION = "authorization";
  static final String X_AMZ_DATE_HEADER = "x-amz-date";
  static final String DATE_HEADER = "date";

  static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
  static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
  static final String X_AMZ_DATE = "X-Amz-Date";
  static final String X_AMZ_EXPIRES = "X-Amz-Expires";
  static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
  static final String X_AMZ_SIGNATURE = "X-Amz-Signature";
  static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";

  /** The longest validity a presigned request may ask for: seven days. */
  static final long MAX_EXPIRES_SECONDS = 604_800;

  private static final int MAX_ECHO = 64;

  private SignatureParser() {}

  static SignatureParts parse(ReceivedHeaders headers, QueryString query) {
    List<String> authorization = headers.values(AUTHORIZATION);
    boolean presigned = query.has(X_AMZ_SIGNATURE);
    if (authorization.isEmpty() && !presigned) {
      throw ErrorCode.MISSING_AUTHENTICATION.exception("Missing Authentication Token");
    }
    if (!authorization.isEmpty() && presigned) {
      throw incomplete(
          "Only one auth mechanism allowed; only the X-Amz-Signature query parameter or the"
              + " Authorization header should be specified");
    }
    if (authorization.size() > 1) {
      throw incomplete("Only one Authorization header is allowed.");
    }
    return presigned ? fromQuery(query) : fromHeader(authorization.get(0), headers);
  }

  private static SignatureParts fromHeader(String authorization, ReceivedHeaders headers) {
    String value = authorization.trim();
    int space = firstWhitespace(value);
    String algorithm = space < 0 ? value : value.substring(0, space);
    if (!SignatureParts.ALGORITHM.equals(algorithm)) {
      throw incomplete(
          "Unsupported Authorization type '%s': only %s is accepted.",
          echo(algorithm), SignatureParts.ALGORITHM);
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    String rest = space < 0 ? "" : value.substring(space + 1);
    for (String pair : rest.split(",", -1)) {
      String trimmed = pair.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals < 0) {
        throw incomplete(
            "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with"
                + " SHA-256 and encoded with Base64): '%s'.",
            hashForEcho(authorization));
      }
      String key = trimmed.substring(0, equals).trim();
      String part = trimmed.substring(equals + 1).trim();
      switch (key) {
        case "Credential" -> credential = part;
        case "SignedHeaders" -> signedHeaders = part;
        case "Signature" -> signature = part;
        default -> {
          // AWS ignores parameters it does not know; so does Lamplighter.
        }
      }
    }
    String amzDateHeader = headers.first(X_AMZ_DATE_HEADER);
    String dateHeader = headers.first(DATE_HEADER);
    StringBuilder missing = new StringBuilder();
    if (isBlank(credential)) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (isBlank(signature)) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (isBlank(signedHeaders)) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (amzDateHeader == null && dateHeader == null) {
      missing.append(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (missing.length() > 0) {
      throw incomplete(missing.append("Authorization=").append(authorization).toString());
    }
    Instant requestTime;
    String amzDate;
    if (amzDateHeader != null) {
      amzDate = amzDateHeader.trim();
      requestTime = basicDate(amzDate);
    } else {
      requestTime = AmzDate.parseRfc1123(dateHeader);
      if (requestTime == null) {
        throw incomplete("Date must be in RFC 1123 format. Got '%s'.", echo(dateHeader));
      }
      amzDate = AmzDate.formatBasic(requestTime);
    }
    return build(false, credential, signedHeaders, signature, amzDate, requestTime, -1);
  }

  private static SignatureParts fromQuery(QueryString query) {
    List<String> missing = new ArrayList<>();
    for (String name :
        List.of(
            X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, X_AMZ_SIGNATURE, X_AMZ_DATE, X_AMZ_SIGNED_HEADERS)) {
      String value = query.decoded(name);
      if (isBlank(value)) {
        missing.add("'" + name + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw incomplete(
          "AWS query-string parameters must include %s. Re-examine the query-string parameters.",
          String.join(", ", missing));
    }
    String algorithm = query.decoded(X_AMZ_ALGORITHM);
    if (!SignatureParts.ALGORITHM.equals(algorithm)) {
      throw incomplete(
          "X-Amz-Algorithm only supports '%s', not '%s'.",
          SignatureParts.ALGORITHM, echo(algorithm));
    }
    String amzDate = query.decoded(X_AMZ_DATE);
    Instant requestTime = basicDate(amzDate);
    long expires = -1;
    String expiresText = query.decoded(X_AMZ_EXPIRES);
    if (expiresText != null) {
      expires = expiresSeconds(expiresText);
    }
    return build(
        true,
        query.decoded(X_AMZ_CREDENTIAL),
        query.decoded(X_AMZ_SIGNED_HEADERS),
        query.decoded(X_AMZ_SIGNATURE),
        amzDate,
        requestTime,
        expires);
  }

  private static SignatureParts build(
      boolean presigned,
      String credential,
      String signedHeaders,
      String signature,
      String amzDate,
      Instant requestTime,
      long expires) {
    String[] scope = credential.split("/", -1);
    if (scope.length != 5) {
      throw incomplete(
          "Credential must have exactly 5 slash-delimited elements, e.g."
              + " keyid/date/region/service/term, got '%s'",
          echo(credential));
    }
    if (!SignatureParts.TERMINATOR.equals(scope[4])) {
      throw incomplete(
          "Credential should be scoped with a valid terminator: '%s', not '%s'.",
          SignatureParts.TERMINATOR, echo(scope[4]));
    }
    String requestDate = amzDate.substring(0, 8);
    if (!requestDate.equals(scope[1])) {
      throw incomplete(
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from"
              + " HTTP: '%s' != '%s', from '%s'.",
          echo(scope[1]), requestDate, amzDate);
    }
    if (!Region.isValid(scope[2])) {
      throw incomplete("Credential should be scoped to a valid region, not '%s'.", echo(scope[2]));
    }
    String lowerSignedHeaders = signedHeaders.toLowerCase(Locale.ROOT);
    List<String> names = List.of(lowerSignedHeaders.split(";", -1));
    if (!names.contains("host")) {
      throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    return new SignatureParts(
        presigned,
        scope[0],
        scope[1],
        scope[2],
        scope[3],
        lowerSignedHeaders,
        names,
        signature,
        amzDate,
        requestTime,
        expires);
  }

  private static Instant basicDate(String amzDate) {
    Instant time = AmzDate.parseBasic(amzDate);
    if (time == null) {
      throw incomplete(
          "Date must be in ISO-8601 'basic format'. Got '%s'. See"
              + " http://en.wikipedia.org/wiki/ISO_8601",
          echo(amzDate));
    }
    return time;
  }

  private static long expiresSeconds(String text) {
    long seconds = -1;
    if (!text.isEmpty() && text.length() <= 7 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      seconds = Long.parseLong(text);
    }
    if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
      throw incomplete(
          "X-Amz-Expires must be a whole number of seconds from 1 to %d (seven days), not '%s'.",
          MAX_EXPIRES_SECONDS, echo(text));
    }
    return seconds;
  }

  private static int firstWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** A client-supplied value cut short, so that a message never carries much of the request. */
  static String echo(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
  }

  /** AWS's way to point at an unreadable Authorization header without repeating it. */
  private static String hashForEcho(String authorization) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(authorization.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  private static ServiceException incomplete(String message) {
    return ErrorCode.INCOMPLETE_SIGNATURE.exception(message);
  }

  private static ServiceException incomplete(String format, Object... args) {
    return ErrorCode.INCOMPLETE_SIGNATURE.exception(format, args);
  }
}

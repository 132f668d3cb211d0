package dev.lamplighter.api.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical request rebuilt from what the server received, and the string to sign made from it.
 * Package-private so that the tests can compare both with AWS's test vectors.
 *
 * <pre>
 * CanonicalRequest = Method \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n
 *                    SignedHeaders \n PayloadHash
 * StringToSign     = AWS4-HMAC-SHA256 \n RequestDate \n CredentialScope \n hex(SHA256(CanonicalRequest))
 * </pre>
 */
final class CanonicalRequest {
  private static final Comparator<QueryString.Param> BY_KEY_THEN_VALUE =
      Comparator.comparing(QueryString.Param::key).thenComparing(QueryString.Param::value);

  private final String text;
  private final String amzDate;
  private final String credentialScope;

  private CanonicalRequest(String text, String amzDate, String credentialScope) {
    this.text = text;
    this.amzDate = amzDate;
    this.credentialScope = credentialScope;
  }

  /**
   * Builds the canonical request.
   *
   * @param omitSecurityToken leave {@code X-Amz-Security-Token} out of a presigned request's
   *     canonical query, for clients that append the token after signing
   */
  static CanonicalRequest of(
      SignedRequest request,
      ReceivedHeaders headers,
      QueryString query,
      SignatureParts parts,
      String payloadHash,
      boolean normalizePath,
      boolean omitSecurityToken) {
    StringBuilder out = new StringBuilder(512);
    out.append(request.method()).append('\n');
    appendUri(out, request.rawPath(), normalizePath);
    out.append('\n');
    appendQuery(out, query, parts.presigned(), omitSecurityToken);
    out.append('\n');
    for (String name : parts.signedHeaderNames()) {
      out.append(name).append(':');
      appendHeaderValues(out, headers.values(name));
      out.append('\n');
    }
    out.append('\n').append(parts.signedHeaders()).append('\n').append(payloadHash);
    return new CanonicalRequest(out.toString(), parts.amzDate(), parts.credentialScope());
  }

  String text() {
    return text;
  }

  String stringToSign() {
    return SignatureParts.ALGORITHM
        + '\n'
        + amzDate
        + '\n'
        + credentialScope
        + '\n'
        + Hashing.sha256Hex(text);
  }

  /**
   * The canonical URI. The received path is encoded once already, so encoding it again gives the
   * double encoding that every service but S3 signs. With normalization, {@code .} and {@code ..}
   * segments are resolved and empty segments dropped before encoding; a trailing slash stays only
   * when the received path ends with one ({@code /a/b/..} is {@code /a}), as the AWS SDKs sign.
   */
  static void appendUri(StringBuilder out, String rawPath, boolean normalize) {
    if (!normalize) {
      if (!rawPath.startsWith("/")) {
        out.append('/');
      }
      int start = 0;
      int slash;
      while ((slash = rawPath.indexOf('/', start)) >= 0) {
        UriEncoding.encode(rawPath, start, slash, out);
        out.append('/');
        start = slash + 1;
      }
      UriEncoding.encode(rawPath, start, rawPath.length(), out);
      return;
    }
    List<String> segments = new ArrayList<>();
    int start = 0;
    int length = rawPath.length();
    while (start <= length) {
      int end = rawPath.indexOf('/', start);
      if (end < 0) {
        end = length;
      }
      String segment = rawPath.substring(start, end);
      if (segment.equals("..")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
      start = end + 1;
    }
    out.append('/');
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0) {
        out.append('/');
      }
      String segment = segments.get(i);
      UriEncoding.encode(segment, 0, segment.length(), out);
    }
    if (rawPath.endsWith("/") && !segments.isEmpty()) {
      out.append('/');
    }
  }

  /**
   * The canonical query: every parameter re-encoded, sorted by key then value, joined with {@code
   * &}. A presigned request's own signature is left out.
   */
  static void appendQuery(
      StringBuilder out, QueryString query, boolean presigned, boolean omitSecurityToken) {
    List<QueryString.Param> params = query.params();
    if (params.isEmpty()) {
      return;
    }
    List<QueryString.Param> sorted = new ArrayList<>(params.size());
    for (QueryString.Param param : params) {
      String key = param.key();
      if (presigned
          && (key.equals(SignatureParser.X_AMZ_SIGNATURE)
              || omitSecurityToken && key.equals(SignatureParser.X_AMZ_SECURITY_TOKEN))) {
        continue;
      }
      sorted.add(param);
    }
    sorted.sort(BY_KEY_THEN_VALUE);
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        out.append('&');
      }
      out.append(sorted.get(i).key()).append('=').append(sorted.get(i).value());
    }
  }

  /**
   * A header's canonical value: each received value trimmed, inner runs of white space made one
   * space, repeated headers joined with commas in the order received.
   */
  static void appendHeaderValues(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String value = values.get(i);
      boolean pendingSpace = false;
      boolean wroteAny = false;
      for (int j = 0; j < value.length(); j++) {
        char c = value.charAt(j);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
          pendingSpace = wroteAny;
        } else {
          if (pendingSpace) {
            out.append(' ');
            pendingSpace = false;
          }
          out.append(c);
          wroteAny = true;
        }
      }
    }
  }
}

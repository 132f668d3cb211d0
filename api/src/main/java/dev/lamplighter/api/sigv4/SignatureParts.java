package dev.lamplighter.api.sigv4;

import java.time.Instant;
import java.util.List;

/**
 * What a request says about its own signature, from the Authorization header or the presigned query
 * parameters, checked for shape but not yet for authenticity.
 *
 * @param presigned whether the signature came in the query string
 * @param accessKeyId the first element of the credential
 * @param scopeDate the credential scope date, {@code yyyyMMdd}, equal to the request date
 * @param region a valid region name
 * @param service the service of the credential scope, not yet checked against the accepted ones
 * @param signedHeaders the signed header names, lower case, as the canonical request lists them
 * @param signedHeaderNames the same names one by one
 * @param signature the signature as given
 * @param amzDate the request time in basic format, as the string to sign carries it
 * @param requestTime the request time
 * @param expiresSeconds {@code X-Amz-Expires} of a presigned request, or -1 when absent
 */
record SignatureParts(
    boolean presigned,
    String accessKeyId,
    String scopeDate,
    String region,
    String service,
    String signedHeaders,
    List<String> signedHeaderNames,
    String signature,
    String amzDate,
    Instant requestTime,
    long expiresSeconds) {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String TERMINATOR = "aws4_request";

  /** {@code date/region/service/aws4_request}. */
  String credentialScope() {
    return scopeDate + '/' + region + '/' + service + '/' + TERMINATOR;
  }
}

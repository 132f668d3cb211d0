package dev.lamplighter.jobs.internal;

import dev.lamplighter.jobs.PresignedUrls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces AWS's presigned-URL placeholders in a document as a device fetches it: {@code
 * ${aws:iot:s3-presigned-url:URL}} (the URL as written) and {@code
 * ${aws:iot:s3-presigned-url-v2:URL}} (the URL percent-encoded). Each becomes a URL valid for the
 * job's {@code presignedUrlConfig.expiresInSec}, made fresh for every request; a placeholder whose
 * object cannot be signed for is left as written.
 */
final class PresignedPlaceholders {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{aws:iot:s3-presigned-url(-v2)?:([^}]+)}");

  /** AWS's default lifetime of a presigned URL. */
  static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(3600);

  private PresignedPlaceholders() {}

  static String substitute(String document, PresignedUrls urls, Duration expiresIn) {
    if (document.indexOf("${aws:iot:s3-presigned-url") < 0) {
      return document;
    }
    Matcher matcher = PLACEHOLDER.matcher(document);
    StringBuilder out = new StringBuilder(document.length());
    while (matcher.find()) {
      String url =
          matcher.group(1) == null
              ? matcher.group(2)
              : URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8);
      Optional<String> signed = urls.presign(url, expiresIn);
      String replacement = signed.map(JobDocuments::jsonEscaped).orElse(matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}

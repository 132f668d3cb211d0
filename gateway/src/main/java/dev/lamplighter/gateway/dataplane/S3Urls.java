package dev.lamplighter.gateway.dataplane;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bucket and key an S3 object URL names, in the forms job documents use: path style ({@code
 * https://s3.{region}.amazonaws.com/{bucket}/{key}}, {@code https://s3.amazonaws.com/…}), virtual
 * hosted ({@code https://{bucket}.s3.{region}.amazonaws.com/{key}}) and {@code
 * s3://{bucket}/{key}}.
 */
public final class S3Urls {
  private static final Pattern PATH_STYLE_HOST =
      Pattern.compile("s3([.-][a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?");
  private static final Pattern VIRTUAL_HOST =
      Pattern.compile("(.+)\\.s3([.-][a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?");

  /** A bucket and a key. */
  public record S3Object(String bucket, String key) {}

  private S3Urls() {}

  public static Optional<S3Object> parse(String url) {
    URI uri;
    try {
      uri = new URI(url.replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String host = uri.getHost();
    String path = uri.getRawPath() == null ? "" : decode(uri.getRawPath());
    if ("s3".equalsIgnoreCase(uri.getScheme()) && host != null) {
      return object(host, path.startsWith("/") ? path.substring(1) : path);
    }
    if (host == null
        || !("https".equalsIgnoreCase(uri.getScheme())
            || "http".equalsIgnoreCase(uri.getScheme()))) {
      return Optional.empty();
    }
    Matcher virtual = VIRTUAL_HOST.matcher(host);
    if (virtual.matches() && !PATH_STYLE_HOST.matcher(host).matches()) {
      return object(virtual.group(1), path.startsWith("/") ? path.substring(1) : path);
    }
    if (PATH_STYLE_HOST.matcher(host).matches()) {
      return pathStyle(path);
    }
    return Optional.empty();
  }

  /** {@code /{bucket}/{key}} of a path-style URL on any host (an S3-compatible store's). */
  public static Optional<S3Object> pathStyle(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    int slash = trimmed.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    return object(trimmed.substring(0, slash), trimmed.substring(slash + 1));
  }

  private static Optional<S3Object> object(String bucket, String key) {
    return bucket.isEmpty() || key.isEmpty()
        ? Optional.empty()
        : Optional.of(new S3Object(bucket, key));
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}

package dev.lamplighter.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * Turns the S3 URL of a {@code ${aws:iot:s3-presigned-url:…}} placeholder into a URL a device can
 * download from until it expires. The server implements it with its built-in file store (a URL
 * signed with a key of its own on the data-plane port) or an S3-compatible object store.
 *
 * <p>Threading: safe from any thread; must not block on the network.
 */
@FunctionalInterface
public interface PresignedUrls {

  /**
   * @param s3Url an S3 object URL ({@code https://s3.{region}.amazonaws.com/{bucket}/{key}} or
   *     {@code https://{bucket}.s3.{region}.amazonaws.com/{key}})
   * @return the presigned URL, or empty when {@code s3Url} names no object this server can sign for
   */
  Optional<String> presign(String s3Url, Duration expiresIn);

  /** Signs nothing: placeholders stay as they are. */
  static PresignedUrls none() {
    return (url, expiresIn) -> Optional.empty();
  }
}

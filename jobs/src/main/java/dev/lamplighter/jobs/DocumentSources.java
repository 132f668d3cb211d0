package dev.lamplighter.jobs;

import java.util.Optional;

/**
 * Reads a job document named by {@code documentSource} (an S3 URL) from where the server keeps
 * files, once, when the job or template is created.
 *
 * <p>Threading: safe from any thread; may block on local disk.
 */
@FunctionalInterface
public interface DocumentSources {

  /** The document's text, or empty when no such object exists. */
  Optional<String> read(String s3Url);

  /** Knows no documents. */
  static DocumentSources none() {
    return url -> Optional.empty();
  }
}

package dev.lamplighter.gateway.dataplane;

import dev.lamplighter.jobs.DocumentSources;
import dev.lamplighter.jobs.PresignedUrls;
import java.time.Duration;
import java.util.Optional;

/**
 * Jobs' file ports on the built-in file store: an S3 URL's bucket and key name a file in it;
 * presigned URLs are download URLs of the data-plane listener.
 */
public final class BuiltInFiles implements PresignedUrls, DocumentSources {
  private final FileStore store;
  private final FileUrls urls;

  public BuiltInFiles(FileStore store, FileUrls urls) {
    this.store = store;
    this.urls = urls;
  }

  @Override
  public Optional<String> presign(String s3Url, Duration expiresIn) {
    return S3Urls.parse(s3Url)
        .filter(o -> store.pathOf(o.bucket(), o.key()).isPresent())
        .map(o -> urls.sign(o.bucket(), o.key(), expiresIn));
  }

  @Override
  public Optional<String> read(String s3Url) {
    return S3Urls.parse(s3Url).flatMap(o -> store.readText(o.bucket(), o.key()));
  }
}

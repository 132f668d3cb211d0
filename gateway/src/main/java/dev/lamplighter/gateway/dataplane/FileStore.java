package dev.lamplighter.gateway.dataplane;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built-in file store: a plain directory, {@code <data-dir>/files/{bucket}/{key}}, that users
 * fill by copying files or with {@code lamplighter files put}. An S3 URL's bucket and key map onto
 * it, so job documents written for S3 work unchanged. Buckets follow S3's naming rules; keys are
 * relative paths that never leave their bucket.
 *
 * <p>Threading: safe from any thread; reads and writes block on the local disk.
 */
public final class FileStore {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final int MAX_KEY = 1024;

  private final Path root;

  public FileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * The file an object is kept in, or empty when the bucket or key is not a valid name (a key that
   * would leave its bucket among them).
   */
  public Optional<Path> pathOf(String bucket, String key) {
    if (!BUCKET.matcher(bucket).matches()
        || key.isEmpty()
        || key.length() > MAX_KEY
        || key.startsWith("/")
        || key.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    Path bucketDir = root.resolve(bucket);
    Path file = bucketDir.resolve(key).normalize();
    if (!file.startsWith(bucketDir) || file.equals(bucketDir)) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /** An object's file, if it exists and is a regular file. */
  public Optional<Path> find(String bucket, String key) {
    return pathOf(bucket, key).filter(Files::isRegularFile);
  }

  /** An object's content as UTF-8 text, if it exists. */
  public Optional<String> readText(String bucket, String key) {
    Optional<Path> file = find(bucket, key);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.get(), e);
    }
  }

  /**
   * Stores an object from {@code content}, replacing any earlier one atomically; directories are
   * created owner-only, like the rest of the data directory.
   *
   * @return the file written
   * @throws IllegalArgumentException for an invalid bucket or key
   */
  public Path put(String bucket, String key, InputStream content) throws IOException {
    Path file =
        pathOf(bucket, key)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "'" + bucket + "/" + key + "' is not a valid bucket and key"));
    createPrivateDirectories(file.getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".part");
    Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private void createPrivateDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    createPrivateDirectories(directory.getParent());
    Files.createDirectory(
        directory,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }
}

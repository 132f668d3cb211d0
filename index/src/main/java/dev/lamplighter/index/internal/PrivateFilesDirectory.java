package dev.lamplighter.index.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;

/**
 * A Lucene directory whose files only the server's user can read: the index holds registry data,
 * and nothing in the data directory may be readable by others, whatever the process's umask.
 */
final class PrivateFilesDirectory extends FilterDirectory {
  private final Path path;

  private PrivateFilesDirectory(FSDirectory directory) {
    super(directory);
    this.path = directory.getDirectory();
  }

  static PrivateFilesDirectory open(Path path) throws IOException {
    Files.createDirectories(path);
    restrict(path, "rwx------");
    return new PrivateFilesDirectory(FSDirectory.open(path));
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    IndexOutput output = super.createOutput(name, context);
    restrict(path.resolve(name), "rw-------");
    return output;
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
      throws IOException {
    IndexOutput output = super.createTempOutput(prefix, suffix, context);
    restrict(path.resolve(output.getName()), "rw-------");
    return output;
  }

  @Override
  public Lock obtainLock(String name) throws IOException {
    Lock lock = super.obtainLock(name);
    restrict(path.resolve(name), "rw-------");
    return lock;
  }

  private static void restrict(Path file, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own access control applies.
    }
  }
}

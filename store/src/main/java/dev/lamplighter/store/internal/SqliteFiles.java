package dev.lamplighter.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the SQLite file readable by its owner only, before SQLite opens it. SQLite gives the
 * {@code -wal} and {@code -shm} files it creates later the permissions of the database file, so
 * they are private too.
 */
final class SqliteFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteFiles.class);
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");

  private SqliteFiles() {}

  static void prepare(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      }
      try {
        Files.createFile(absolute, PosixFilePermissions.asFileAttribute(OWNER_FILE));
      } catch (FileAlreadyExistsException existing) {
        warnIfShared(absolute);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the SQLite store " + absolute, e);
    }
  }

  private static void warnIfShared(Path file) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (permissions.contains(PosixFilePermission.OTHERS_READ)
        || permissions.contains(PosixFilePermission.GROUP_READ)) {
      LOG.warn(
          "Store file [{}] is readable by other users ({}); it holds account data: chmod 600 it",
          file,
          PosixFilePermissions.toString(permissions));
    }
  }
}

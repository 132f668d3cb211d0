package dev.lamplighter.server;

import dev.lamplighter.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory: created with mode 0700, and tightened to 0700 when it was made by hand with
 * wider permissions, because it holds the database and the master key.
 */
public final class DataDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private DataDirectory() {}

  public static Path prepare(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      if (!Files.exists(absolute)) {
        Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        // createDirectories applies the umask; set the mode explicitly.
        Files.setPosixFilePermissions(absolute, OWNER_ONLY);
        LOG.info("Created data directory {}", absolute);
      } else if (!Files.isDirectory(absolute)) {
        throw new ConfigException("data-dir " + absolute + " exists and is not a directory");
      } else if (!OWNER_ONLY.containsAll(Files.getPosixFilePermissions(absolute))) {
        Files.setPosixFilePermissions(absolute, OWNER_ONLY);
        LOG.warn("Data directory {} was accessible to others; its mode is now 0700", absolute);
      }
      return absolute;
    } catch (IOException e) {
      throw new ConfigException("cannot prepare data-dir " + absolute + ": " + e.getMessage());
    }
  }
}

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

  /** The file holding this data directory's node id. */
  static final String NODE_ID_FILE = "node-id";

  /**
   * This server node's id, kept in the data directory (created at first start, 0600): a node keeps
   * its id across restarts, so it takes its own leases back at once, while nodes on other data
   * directories sharing one PostgreSQL have ids of their own.
   */
  static String nodeId(Path dataDir, java.util.function.Supplier<String> newId) {
    Path file = dataDir.resolve(NODE_ID_FILE);
    try {
      if (Files.exists(file)) {
        String id = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).trim();
        if (!id.isEmpty()) {
          return id;
        }
      }
      String id = newId.get();
      Files.writeString(file, id, java.nio.charset.StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return id;
    } catch (IOException e) {
      throw new ConfigException("cannot keep the node id in " + file + ": " + e.getMessage());
    }
  }

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

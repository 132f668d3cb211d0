package dev.lamplighter.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this node's change log followers (device notifications, events) resumed from last: one
 * small file per follower in a directory of the node's own, replaced atomically, readable by its
 * owner only. Followers publish to this node's broker, so each node keeps its own positions; after
 * {@code kill -9} a follower resumes from the last position saved and publishes again what came
 * after it (at least once).
 */
public final class NodePositions {
  private static final Logger LOG = LoggerFactory.getLogger(NodePositions.class);

  private final Path directory;

  /** Positions in {@code directory} (created 0700 if missing), or none when null. */
  public NodePositions(Path directory) {
    this.directory = directory;
    if (directory != null) {
      try {
        Files.createDirectories(
            directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + directory, e);
      }
    }
  }

  /** Positions kept nowhere: every follower starts from the head of the log. */
  public static NodePositions none() {
    return new NodePositions(null);
  }

  /** The position saved for {@code follower}, if any. */
  public OptionalLong load(String follower) {
    if (directory == null) {
      return OptionalLong.empty();
    }
    Path file = directory.resolve(follower);
    if (!Files.exists(file)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Position of {} in {} is unreadable; starting from the head", follower, file, e);
      return OptionalLong.empty();
    }
  }

  /** Saves {@code follower}'s position; a failure is logged (the follower goes on). */
  public void save(String follower, long position) {
    if (directory == null) {
      return;
    }
    Path file = directory.resolve(follower);
    Path temporary = directory.resolve(follower + ".tmp");
    try {
      Files.writeString(temporary, Long.toString(position), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("Saving the position of {} failed", follower, e);
    }
  }
}

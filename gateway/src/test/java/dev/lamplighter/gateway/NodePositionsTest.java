package dev.lamplighter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's follower positions survive a restart, readable by the owner only. */
class NodePositionsTest {
  @TempDir Path dir;

  @Test
  void aSavedPosition_isLoadedByTheNextProcess() throws Exception {
    Path positions = dir.resolve("positions");
    new NodePositions(positions).save("job-notifications", 42);

    assertThat(new NodePositions(positions).load("job-notifications")).hasValue(42);
    assertThat(new NodePositions(positions).load("job-events")).isEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(positions)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(positions.resolve("job-notifications"))))
        .isEqualTo("rw-------");
  }

  @Test
  void anUnreadablePosition_startsFromTheHead() throws Exception {
    Path positions = dir.resolve("positions");
    new NodePositions(positions);
    Files.writeString(positions.resolve("job-events"), "not a number");

    assertThat(new NodePositions(positions).load("job-events")).isEmpty();
    assertThat(NodePositions.none().load("job-events")).isEmpty();
  }
}

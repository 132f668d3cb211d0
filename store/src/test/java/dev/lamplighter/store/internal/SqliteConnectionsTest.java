package dev.lamplighter.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.store.StoreConfig;
import dev.lamplighter.store.SyncMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite settings that durability and concurrency rest on. */
class SqliteConnectionsTest {
  @TempDir Path dir;

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void writer_isInWalMode_withForeignKeys_busyTimeout_andTheConfiguredSync() throws Exception {
    for (SyncMode sync : SyncMode.values()) {
      StoreConfig config = StoreConfig.sqlite(dir.resolve(sync + ".db")).withSync(sync);
      try (SqliteConnections connections = SqliteConnections.open(config)) {
        Connection writer = connections.begin();
        try {
          assertThat(pragma(writer, "journal_mode")).isEqualTo("wal");
          assertThat(pragma(writer, "foreign_keys")).isEqualTo("1");
          assertThat(pragma(writer, "busy_timeout")).isEqualTo("10000");
          assertThat(pragma(writer, "synchronous")).isEqualTo(sync == SyncMode.FULL ? "2" : "1");
        } finally {
          connections.rollback(writer);
          connections.release(writer);
        }
      }
    }
  }

  @Test
  void readConnections_refuseWrites() throws Exception {
    try (SqliteConnections connections =
            SqliteConnections.open(StoreConfig.sqlite(dir.resolve("read.db")));
        Connection reader = connections.read();
        Statement statement = reader.createStatement()) {
      assertThat(pragma(reader, "busy_timeout")).isEqualTo("10000");
      assertThatThrownBy(
              () ->
                  statement.executeUpdate(
                      "INSERT INTO accounts VALUES ('123456789012', 'n', 'ACTIVE', 't')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("readonly");
    }
  }
}

package dev.lamplighter.bench.journal;

import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.internal.JournalProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable QoS 1 messages per second of one thread: the broker's journal (one write per message, the
 * file left to the page cache, so a killed process loses nothing) against SQLite in WAL mode with
 * {@code synchronous=NORMAL} (the store's default, which also survives a killed process), one
 * transaction per message. {@code force=true} adds a device flush per message to both, for
 * power-loss durability.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalBenchmark {
  private static final String NAMESPACE = "111122223333:eu-west-1";

  @Param({"false", "true"})
  public boolean force;

  private Path directory;
  private JournalProbe journal;
  private Connection sqlite;
  private PreparedStatement insert;
  private Message message;
  private long sequence;

  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    directory = Files.createTempDirectory("journal-bench");
    journal = JournalProbe.open(directory.resolve("mqtt"), force);
    sqlite = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("messages.db"));
    try (Statement statement = sqlite.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("PRAGMA synchronous=" + (force ? "FULL" : "NORMAL"));
      statement.execute(
          "CREATE TABLE owed (id INTEGER PRIMARY KEY, namespace TEXT, client_id TEXT,"
              + " topic TEXT, payload BLOB, qos INTEGER)");
    }
    sqlite.setAutoCommit(false);
    insert =
        sqlite.prepareStatement(
            "INSERT INTO owed (id, namespace, client_id, topic, payload, qos) VALUES (?,?,?,?,?,?)");
    message = Message.of("bench/lamp-1/data", new byte[64], 1, false);
  }

  @Benchmark
  public long journal() {
    return journal.appendMessage(NAMESPACE, message, "sink");
  }

  @Benchmark
  public long sqliteTransaction() throws SQLException {
    long id = ++sequence;
    insert.setLong(1, id);
    insert.setString(2, NAMESPACE);
    insert.setString(3, "sink");
    insert.setString(4, message.topic());
    insert.setBytes(5, message.payload());
    insert.setInt(6, 1);
    insert.executeUpdate();
    sqlite.commit();
    return id;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException, IOException {
    journal.close();
    insert.close();
    sqlite.close();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

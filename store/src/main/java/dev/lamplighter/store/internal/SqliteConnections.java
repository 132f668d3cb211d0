package dev.lamplighter.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lamplighter.store.StoreConfig;
import dev.lamplighter.store.StoreException;
import dev.lamplighter.store.SyncMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections: ONE writer connection, which a thread holds for a whole write transaction (a
 * fair lock hands it over in arrival order), and a small pool of read-only connections for reads
 * outside transactions, which WAL mode lets run beside the writer.
 *
 * <p>Write transactions start with {@code BEGIN IMMEDIATE}, taking SQLite's write lock at once
 * rather than on the first write, so two processes on one file never deadlock on a lock upgrade;
 * the busy timeout makes one wait for the other.
 */
final class SqliteConnections implements ConnectionSource {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteConnections.class);
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

  private final Path file;
  private final Connection writer;
  private final ReentrantLock writerLock = new ReentrantLock(true);
  private final HikariDataSource readers;

  private SqliteConnections(Path file, Connection writer, HikariDataSource readers) {
    this.file = file;
    this.writer = writer;
    this.readers = readers;
  }

  static SqliteConnections open(StoreConfig config) {
    Path file = config.sqliteFile().orElseThrow().toAbsolutePath();
    SqliteFiles.prepare(file);
    String url = "jdbc:sqlite:" + file;

    SQLiteConfig writerConfig = baseConfig(config.sync());
    writerConfig.setJournalMode(SQLiteConfig.JournalMode.WAL);
    SQLiteDataSource writerSource = new SQLiteDataSource(writerConfig);
    writerSource.setUrl(url);

    Connection writer = null;
    HikariDataSource readers;
    SqliteOpenLock opening = SqliteOpenLock.acquire(file);
    try {
      writer = writerSource.getConnection();
      requireWal(writer, file);
      Migrations.run(writerSource, SqliteDialect.INSTANCE);
      opening.close();
      readers = openReaders(url, config);
    } catch (SQLException e) {
      closeQuietly(writer);
      throw new StoreException("cannot open the SQLite store " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(writer);
      throw e;
    } finally {
      opening.close();
    }
    LOG.info(
        "Opened SQLite store [{}] (WAL, synchronous={}, {} read connections)",
        file,
        config.sync().name().toLowerCase(Locale.ROOT),
        config.poolSize());
    return new SqliteConnections(file, writer, readers);
  }

  private static HikariDataSource openReaders(String url, StoreConfig config) {
    SQLiteDataSource readerSource = new SQLiteDataSource(baseConfig(config.sync()));
    readerSource.setUrl(url);
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(readerSource);
    pool.setPoolName("lamplighter-sqlite-read");
    pool.setMaximumPoolSize(config.poolSize());
    // A fixed set of connections that are never retired, so their cached statements stay valid
    // (SQLite connections do not go stale the way network connections do).
    pool.setMinimumIdle(config.poolSize());
    pool.setMaxLifetime(0);
    pool.setIdleTimeout(0);
    pool.setAutoCommit(true);
    // Reads only: a repository bug that writes outside a transaction fails instead of racing the
    // writer.
    pool.setConnectionInitSql("PRAGMA query_only = ON");
    return new HikariDataSource(pool);
  }

  private static SQLiteConfig baseConfig(SyncMode sync) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
    config.enforceForeignKeys(true);
    config.setSynchronous(
        sync == SyncMode.FULL
            ? SQLiteConfig.SynchronousMode.FULL
            : SQLiteConfig.SynchronousMode.NORMAL);
    return config;
  }

  private static void requireWal(Connection connection, Path file) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      String journal = mode.next() ? mode.getString(1) : "unknown";
      if (!"wal".equalsIgnoreCase(journal)) {
        throw new StoreException(
            "SQLite store "
                + file
                + " is in journal mode "
                + journal
                + ", not WAL; is it on a network file system?");
      }
    }
  }

  @Override
  public Dialect dialect() {
    return SqliteDialect.INSTANCE;
  }

  @Override
  public Connection begin() throws SQLException {
    acquireWriter();
    try {
      Jdbc.execute(writer, "BEGIN IMMEDIATE");
      return writer;
    } catch (SQLException | RuntimeException e) {
      writerLock.unlock();
      throw e;
    }
  }

  private void acquireWriter() {
    boolean acquired;
    try {
      acquired = writerLock.tryLock(BUSY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the SQLite writer");
    }
    if (!acquired) {
      throw new StoreException(
          "no SQLite write transaction could start within " + BUSY_TIMEOUT.toSeconds() + "s");
    }
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    Jdbc.execute(connection, "COMMIT");
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    try {
      Jdbc.execute(connection, "ROLLBACK");
    } catch (SQLException e) {
      // Some errors (disk full, I/O) end the transaction themselves; there is nothing to undo.
      if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
        throw e;
      }
    }
  }

  @Override
  public void release(Connection connection) {
    writerLock.unlock();
  }

  @Override
  public Connection read() throws SQLException {
    return readers.getConnection();
  }

  @Override
  public String describe() {
    return "sqlite:" + file;
  }

  /** Waits for a running write transaction to end, up to the busy timeout, then closes. */
  @Override
  public void close() {
    readers.close();
    boolean acquired = false;
    try {
      acquired = writerLock.tryLock(BUSY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      writer.close();
    } catch (SQLException e) {
      LOG.warn("Closing the SQLite writer of [{}] failed: {}", file, e.getMessage());
    } finally {
      StatementCache.forgetClosed();
      if (acquired) {
        writerLock.unlock();
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing a SQLite connection failed", e);
      }
    }
  }
}

package dev.lamplighter.store;

import dev.lamplighter.core.config.Settings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store lives and how it is tuned.
 *
 * @param jdbcUrl {@code jdbc:sqlite:<file path>} or {@code jdbc:postgresql:...}
 * @param sync how SQLite syncs commits (ignored on PostgreSQL, which keeps its own settings)
 * @param poolSize PostgreSQL pool size; on SQLite, read connections beside the one writer
 */
public record StoreConfig(String jdbcUrl, SyncMode sync, int poolSize) {
  public static final int DEFAULT_POOL_SIZE = 8;
  public static final int MAX_POOL_SIZE = 100;

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

  public StoreConfig {
    checkJdbcUrl(jdbcUrl);
    Objects.requireNonNull(sync, "sync");
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw new IllegalArgumentException("the pool size is between 1 and " + MAX_POOL_SIZE);
    }
  }

  /** A SQLite store in {@code file} with the default sync mode and pool size. */
  public static StoreConfig sqlite(Path file) {
    return new StoreConfig(
        SQLITE_PREFIX + file.toAbsolutePath().normalize(), SyncMode.NORMAL, DEFAULT_POOL_SIZE);
  }

  /** A store at {@code jdbcUrl} with the default sync mode and pool size. */
  public static StoreConfig of(String jdbcUrl) {
    return new StoreConfig(jdbcUrl, SyncMode.NORMAL, DEFAULT_POOL_SIZE);
  }

  /**
   * The config the resolved settings describe; without {@code store-url} the store is the SQLite
   * file {@value StoreSettings#DEFAULT_SQLITE_FILE} in {@code dataDir}.
   */
  public static StoreConfig from(Settings settings, Path dataDir) {
    StoreConfig location =
        settings
            .find(StoreSettings.STORE_URL)
            .map(StoreConfig::of)
            .orElseGet(() -> sqlite(dataDir.resolve(StoreSettings.DEFAULT_SQLITE_FILE)));
    return location
        .withSync(settings.get(StoreSettings.STORE_SYNC))
        .withPoolSize(settings.get(StoreSettings.STORE_POOL_SIZE));
  }

  public StoreConfig withSync(SyncMode mode) {
    return new StoreConfig(jdbcUrl, mode, poolSize);
  }

  public StoreConfig withPoolSize(int size) {
    return new StoreConfig(jdbcUrl, sync, size);
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith(POSTGRES_PREFIX);
  }

  /** The SQLite database file, or empty for PostgreSQL. */
  public Optional<Path> sqliteFile() {
    return isPostgres()
        ? Optional.empty()
        : Optional.of(Path.of(jdbcUrl.substring(SQLITE_PREFIX.length())));
  }

  /** The URL without its query, which may hold a password. */
  @Override
  public String toString() {
    int query = jdbcUrl.indexOf('?');
    String shown = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?(hidden)";
    return "StoreConfig[" + shown + ", sync=" + sync + ", poolSize=" + poolSize + "]";
  }

  /**
   * Accepts a PostgreSQL URL or a SQLite URL naming a file; SQLite's in-memory databases and URL
   * parameters are refused because the store opens several connections and sets its own pragmas.
   */
  static String checkJdbcUrl(String url) {
    if (url == null) {
      throw new IllegalArgumentException("a JDBC URL is required");
    }
    if (url.startsWith(POSTGRES_PREFIX)) {
      return url;
    }
    if (!url.startsWith(SQLITE_PREFIX)) {
      throw new IllegalArgumentException(
          "expected a URL starting with " + POSTGRES_PREFIX + " or " + SQLITE_PREFIX);
    }
    String file = url.substring(SQLITE_PREFIX.length());
    if (file.isBlank()
        || file.contains(":memory:")
        || file.startsWith("file:")
        || file.contains("?")) {
      throw new IllegalArgumentException(
          "a SQLite URL names a database file, as in jdbc:sqlite:/var/lib/lamplighter/data.db");
    }
    return url;
  }
}

package dev.lamplighter.store;

import dev.lamplighter.core.config.Setting;
import java.util.List;

/** The store's settings. {@link StoreConfig#from} turns their resolved values into a config. */
public final class StoreSettings {
  /** The default SQLite file name inside the data directory. */
  public static final String DEFAULT_SQLITE_FILE = "lamplighter.db";

  /** Secret because a PostgreSQL URL may carry a password. */
  public static final Setting<String> STORE_URL =
      Setting.secret(
              "store-url",
              "JDBC URL of the store, jdbc:postgresql://host:5432/db?user=...&password=... or"
                  + " jdbc:sqlite:/path/to/file.db; default: SQLite file "
                  + DEFAULT_SQLITE_FILE
                  + " in the data directory")
          .validatedBy(StoreConfig::checkJdbcUrl);

  public static final Setting<SyncMode> STORE_SYNC =
      Setting.choice(
          "store-sync",
          SyncMode.class,
          SyncMode.NORMAL,
          "How SQLite syncs commits: normal survives a crash of the process, full also survives"
              + " a power loss but writes more slowly");

  public static final Setting<Integer> STORE_POOL_SIZE =
      Setting.integer(
          "store-pool-size",
          StoreConfig.DEFAULT_POOL_SIZE,
          1,
          StoreConfig.MAX_POOL_SIZE,
          "Database connections: the pool size on PostgreSQL, the read connections beside the"
              + " single writer on SQLite");

  private StoreSettings() {}

  public static List<Setting<?>> all() {
    return List.of(STORE_URL, STORE_SYNC, STORE_POOL_SIZE);
  }
}

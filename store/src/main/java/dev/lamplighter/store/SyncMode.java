package dev.lamplighter.store;

/** How SQLite makes a commit durable (its {@code synchronous} mode in WAL journaling). */
public enum SyncMode {
  /**
   * A commit is written to the write-ahead log before it is acknowledged and survives a crash of
   * the process (kill -9); the last commits before a power loss or OS crash may be lost.
   */
  NORMAL,
  /**
   * Every commit is also synced to the disk, so it survives a power loss too; writes are slower.
   */
  FULL
}

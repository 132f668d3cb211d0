package dev.lamplighter.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one opener at a time, in any process, switch a SQLite file to WAL and migrate it. Flyway's
 * transactions on SQLite start deferred, so two processes migrating a new file at once deadlock on
 * the lock upgrade and one fails with SQLITE_BUSY however long the busy timeout.
 *
 * <p>The lock is a POSIX lock on a file of its own beside the database ({@code <name>-open.lock}),
 * never on the database itself: SQLite's own POSIX locks on that file would be dropped when any
 * other descriptor of it in the process closes. POSIX locks do not exclude threads of one process,
 * so an in-process lock per file comes first.
 */
final class SqliteOpenLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private SqliteOpenLock(ReentrantLock local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits for the lock of {@code database}, creating the lock file (mode 0600) if needed. */
  static SqliteOpenLock acquire(Path database) {
    Path lockFile = database.resolveSibling(database.getFileName() + "-open.lock");
    ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
    local.lock();
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              lockFile,
              Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return new SqliteOpenLock(local, channel, channel.lock());
    } catch (IOException e) {
      closeQuietly(channel);
      local.unlock();
      throw new UncheckedIOException("cannot lock " + lockFile, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      local.unlock();
      throw e;
    }
  }

  /** Releases the lock; later calls do nothing. */
  @Override
  public void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it as well.
    } finally {
      closeQuietly(channel);
      local.unlock();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing to do: the lock goes with the descriptor.
      }
    }
  }
}

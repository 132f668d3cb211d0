package dev.lamplighter.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** Jobs' behaviour on SQLite files. */
class SqliteJobsBehaviourTest extends JobsBehaviourTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @TempDir Path dir;

  @Override
  protected StoreConfig newEmptyDatabase() {
    return StoreConfig.sqlite(dir.resolve("jobs-" + DATABASES.incrementAndGet() + ".db"));
  }
}

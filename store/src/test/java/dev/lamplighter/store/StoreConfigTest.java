package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.config.ConfigException;
import dev.lamplighter.core.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigTest {
  private static final Path DATA = Path.of("/var/lib/lamplighter");

  private static Settings resolve(Map<String, String> flags) {
    return Settings.resolve(StoreSettings.all(), flags, Map.of(), Map.of(), "lamplighter.conf");
  }

  @Test
  void withoutStoreUrl_theStoreIsTheSqliteFileInTheDataDir() {
    StoreConfig config = StoreConfig.from(resolve(Map.of()), DATA);

    assertThat(config.isPostgres()).isFalse();
    assertThat(config.sqliteFile()).contains(DATA.resolve("lamplighter.db"));
    assertThat(config.sync()).isEqualTo(SyncMode.NORMAL);
    assertThat(config.poolSize()).isEqualTo(8);
  }

  @Test
  void postgresUrl_choosesPostgres() {
    String url = "jdbc:postgresql://db.internal:5432/lamplighter?user=lamp&password=secret";

    StoreConfig config = StoreConfig.from(resolve(Map.of("store-url", url)), DATA);

    assertThat(config.isPostgres()).isTrue();
    assertThat(config.jdbcUrl()).isEqualTo(url);
    assertThat(config.sqliteFile()).isEmpty();
  }

  @Test
  void syncAndPoolSize_comeFromTheirSettings() {
    StoreConfig config =
        StoreConfig.from(
            resolve(
                Map.of(
                    "store-url", "jdbc:sqlite:/srv/lamp.db",
                    "store-sync", "full",
                    "store-pool-size", "3")),
            DATA);

    assertThat(config.sqliteFile()).contains(Path.of("/srv/lamp.db"));
    assertThat(config.sync()).isEqualTo(SyncMode.FULL);
    assertThat(config.poolSize()).isEqualTo(3);
  }

  @Test
  void storeUrl_ofAnotherDatabase_stopsStartUp_withoutShowingTheUrl() {
    assertThatThrownBy(() -> resolve(Map.of("store-url", "jdbc:mysql://db/lamp?password=pw")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--store-url")
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageNotContaining("pw");
  }

  @Test
  void storeUrl_ofAnInMemorySqliteDatabase_isRefused() {
    assertThatThrownBy(() -> resolve(Map.of("store-url", "jdbc:sqlite::memory:")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("names a database file");
  }

  @Test
  void poolSize_outOfRange_stopsStartUp() {
    assertThatThrownBy(() -> resolve(Map.of("store-pool-size", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--store-pool-size");
  }

  @Test
  void toString_hidesTheUrlQuery() {
    StoreConfig config = StoreConfig.of("jdbc:postgresql://db/lamp?user=u&password=hunter2");

    assertThat(config.toString()).contains("jdbc:postgresql://db/lamp").doesNotContain("hunter2");
  }
}

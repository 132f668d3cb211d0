package dev.lamplighter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
  @TempDir Path dataDir;

  @Test
  void firstStart_createsKeyFile_readableByOwnerOnly() throws Exception {
    MasterKey.loadOrCreate(dataDir);

    Path file = dataDir.resolve(MasterKey.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void laterStarts_readTheSameKey() {
    byte[] first = MasterKey.loadOrCreate(dataDir).derive("x");

    assertThat(MasterKey.loadOrCreate(dataDir).derive("x")).isEqualTo(first);
  }

  @Test
  void keyFileReadableByOthers_isRefused() throws Exception {
    MasterKey.loadOrCreate(dataDir);
    Files.setPosixFilePermissions(
        dataDir.resolve(MasterKey.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> MasterKey.loadOrCreate(dataDir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("0600");
  }

  @Test
  void keyFromEnvironment_mustBe32Bytes() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> MasterKey.fromBase64(shortKey))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> MasterKey.fromBase64("not base64!"))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void derivedKeys_differByPurpose() {
    MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

    assertThat(key.derive("secrets-at-rest")).isNotEqualTo(key.derive("page-tokens")).hasSize(32);
  }
}

package dev.lamplighter.security;

import dev.lamplighter.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's master key: 32 random bytes from {@code LAMPLIGHTER_MASTER_KEY} (base64) or from the
 * file {@code master.key} in the data directory, created with mode 0600 at first start.
 *
 * <p>Nothing is encrypted with the master key itself: each purpose (secrets at rest, page tokens)
 * uses its own key derived with HMAC-SHA256, so one leaked derived key exposes only its purpose.
 */
public final class MasterKey {
  public static final String FILE_NAME = "master.key";
  private static final int LENGTH = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final byte[] key;

  private MasterKey(byte[] key) {
    if (key.length != LENGTH) {
      throw new ConfigException(
          "the master key must be " + LENGTH + " bytes (base64), not " + key.length);
    }
    this.key = key.clone();
  }

  /** The key given as base64 text, such as the value of {@code LAMPLIGHTER_MASTER_KEY}. */
  public static MasterKey fromBase64(String text) {
    try {
      return new MasterKey(Base64.getDecoder().decode(text.trim()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("the master key is not valid base64");
    }
  }

  /**
   * The key in {@code dataDir/master.key}, created with fresh random bytes and mode 0600 when the
   * file does not exist. A key file readable by group or others is refused.
   */
  public static MasterKey loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[LENGTH];
        new SecureRandom().nextBytes(fresh);
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
          Files.write(
              file,
              Base64.getEncoder().encode(fresh),
              StandardOpenOption.WRITE,
              StandardOpenOption.SYNC);
          return new MasterKey(fresh);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: read theirs
        }
      }
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        throw new ConfigException(
            file
                + " is readable by others ("
                + PosixFilePermissions.toString(permissions)
                + "); make it mode 0600");
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      return fromBase64(text);
    } catch (IOException e) {
      throw new ConfigException("cannot read or create " + file + ": " + e.getMessage());
    }
  }

  /** A 32-byte key for one purpose, derived from the master key. */
  public byte[] derive(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(("lamplighter:" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "MasterKey[(hidden)]";
  }
}

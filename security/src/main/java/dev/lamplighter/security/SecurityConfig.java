package dev.lamplighter.security;

import dev.lamplighter.core.config.ConfigException;
import dev.lamplighter.core.config.Setting;
import dev.lamplighter.core.config.Settings;
import dev.lamplighter.core.tenancy.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * The security settings: the master key and the root account's credentials.
 *
 * @param masterKey base64 master key, or empty to use the data directory's key file
 * @param rootAccountId the root account's id, or empty to generate one
 * @param rootAccessKeyId the root access key id, or empty to generate a key
 * @param rootSecretAccessKey the root key's secret; given exactly when the id is
 */
public record SecurityConfig(
    Optional<String> masterKey,
    Optional<AccountId> rootAccountId,
    Optional<String> rootAccessKeyId,
    Optional<String> rootSecretAccessKey) {

  public static final Setting<String> MASTER_KEY =
      Setting.secret(
          "master-key",
          "Base64 of 32 random bytes that seal secrets at rest; default: the data directory's"
              + " master.key, created at first start");
  public static final Setting<String> ROOT_ACCOUNT_ID =
      Setting.text("root-account-id", null, "12-digit id of the root account")
          .validatedBy(
              id -> {
                if (!AccountId.isValid(id)) {
                  throw new IllegalArgumentException("an account id is 12 digits");
                }
                return id;
              });
  public static final Setting<String> ROOT_ACCESS_KEY_ID =
      Setting.text("root-access-key-id", null, "Access key id of the root account");
  public static final Setting<String> ROOT_SECRET_ACCESS_KEY =
      Setting.secret("root-secret-access-key", "Secret access key of the root account");

  public static List<Setting<?>> settings() {
    return List.of(MASTER_KEY, ROOT_ACCOUNT_ID, ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY);
  }

  public static SecurityConfig from(Settings settings) {
    Optional<String> keyId = settings.find(ROOT_ACCESS_KEY_ID);
    Optional<String> secret = settings.find(ROOT_SECRET_ACCESS_KEY);
    if (keyId.isPresent() != secret.isPresent()) {
      throw new ConfigException(
          ROOT_ACCESS_KEY_ID.envVar()
              + " and "
              + ROOT_SECRET_ACCESS_KEY.envVar()
              + " must be set together");
    }
    return new SecurityConfig(
        settings.find(MASTER_KEY),
        settings.find(ROOT_ACCOUNT_ID).map(AccountId::of),
        keyId,
        secret);
  }
}

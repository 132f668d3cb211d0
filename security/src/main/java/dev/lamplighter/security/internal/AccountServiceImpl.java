package dev.lamplighter.security.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.AccessKey;
import dev.lamplighter.security.Account;
import dev.lamplighter.security.AccountService;
import dev.lamplighter.security.NewAccessKey;
import dev.lamplighter.security.SecretCipher;
import dev.lamplighter.security.SigningCredential;
import dev.lamplighter.security.Status;
import dev.lamplighter.security.spi.SecurityPorts;
import dev.lamplighter.security.spi.StoredAccessKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Accounts and access keys. Secrets are sealed before they reach the store; the credential lookup
 * on the request path is cached for {@link #CACHE_TTL}, because a store read per request would cost
 * more than the whole signature check.
 */
public final class AccountServiceImpl implements AccountService {
  static final Duration CACHE_TTL = Duration.ofSeconds(5);
  private static final int CACHE_LIMIT = 10_000;
  private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
  private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{16,128}");

  private final SecurityPorts ports;
  private final SecretCipher cipher;
  private final Clock clock;
  private final KeyGenerator generator;
  private final Map<String, CachedCredential> cache = new ConcurrentHashMap<>();

  public AccountServiceImpl(SecurityPorts ports, SecretCipher cipher, Clock clock, IdSource ids) {
    this.ports = ports;
    this.cipher = cipher;
    this.clock = clock;
    this.generator = new KeyGenerator(ids);
  }

  @Override
  public Account createAccount(String name, AccountId id) {
    Account account =
        new Account(id != null ? id : generator.accountId(), name, Status.ACTIVE, clock.instant());
    ports.transactions().inTransaction(() -> ports.accounts().insertAccount(account));
    return account;
  }

  @Override
  public List<Account> listAccounts() {
    return ports.accounts().listAccounts();
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    return ports.accounts().findAccount(id);
  }

  @Override
  public void disableAccount(AccountId id) {
    ports
        .transactions()
        .inTransaction(
            () -> ports.accounts().updateAccount(requireAccount(id).withStatus(Status.DISABLED)));
    cache.clear();
  }

  @Override
  public NewAccessKey createAccessKey(AccountId account) {
    String keyId = generator.accessKeyId();
    String secret = generator.secretAccessKey();
    AccessKey key =
        ports
            .transactions()
            .inTransaction(
                () -> {
                  requireAccount(account);
                  AccessKey created = new AccessKey(keyId, account, Status.ACTIVE, clock.instant());
                  ports.accounts().insertKey(new StoredAccessKey(created, seal(created, secret)));
                  return created;
                });
    return new NewAccessKey(key, secret);
  }

  @Override
  public AccessKey importAccessKey(AccountId account, String accessKeyId, String secret) {
    if (!KEY_ID.matcher(accessKeyId).matches()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "An access key id is 16 to 128 upper-case letters and digits.");
    }
    if (!SECRET.matcher(secret).matches()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "A secret access key is 16 to 128 printable characters without spaces.");
    }
    AccessKey key =
        ports
            .transactions()
            .inTransaction(
                () -> {
                  requireAccount(account);
                  Optional<StoredAccessKey> existing = ports.accounts().findKey(accessKeyId);
                  if (existing.isPresent() && !existing.get().key().account().equals(account)) {
                    throw ErrorCode.INVALID_REQUEST.exception(
                        "Access key %s belongs to another account.", accessKeyId);
                  }
                  AccessKey imported =
                      existing
                          .map(stored -> stored.key().withStatus(Status.ACTIVE))
                          .orElseGet(
                              () ->
                                  new AccessKey(
                                      accessKeyId, account, Status.ACTIVE, clock.instant()));
                  StoredAccessKey stored = new StoredAccessKey(imported, seal(imported, secret));
                  if (existing.isPresent()) {
                    ports.accounts().updateKey(stored);
                  } else {
                    ports.accounts().insertKey(stored);
                  }
                  return imported;
                });
    cache.remove(accessKeyId);
    return key;
  }

  @Override
  public List<AccessKey> listAccessKeys(AccountId account) {
    requireAccount(account);
    return ports.accounts().listKeys(account);
  }

  @Override
  public void disableAccessKey(String accessKeyId) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              StoredAccessKey stored =
                  ports
                      .accounts()
                      .findKey(accessKeyId)
                      .orElseThrow(
                          () ->
                              ErrorCode.RESOURCE_NOT_FOUND.exception(
                                  "Access key %s does not exist.", accessKeyId));
              ports
                  .accounts()
                  .updateKey(
                      new StoredAccessKey(
                          stored.key().withStatus(Status.DISABLED), stored.sealedSecret()));
            });
    cache.remove(accessKeyId);
  }

  @Override
  public Optional<SigningCredential> activeCredential(String accessKeyId) {
    Instant now = clock.instant();
    CachedCredential cached = cache.get(accessKeyId);
    if (cached != null && now.isBefore(cached.expiresAt())) {
      return cached.credential();
    }
    Optional<SigningCredential> credential = lookUp(accessKeyId);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(accessKeyId, new CachedCredential(credential, now.plus(CACHE_TTL)));
    return credential;
  }

  private Optional<SigningCredential> lookUp(String accessKeyId) {
    return ports
        .accounts()
        .findKey(accessKeyId)
        .filter(stored -> stored.key().status() == Status.ACTIVE)
        .filter(
            stored ->
                ports
                    .accounts()
                    .findAccount(stored.key().account())
                    .map(a -> a.status() == Status.ACTIVE)
                    .orElse(false))
        .map(
            stored ->
                new SigningCredential(
                    accessKeyId,
                    cipher.open(stored.sealedSecret(), context(stored.key())),
                    stored.key().account()));
  }

  private Account requireAccount(AccountId id) {
    return ports
        .accounts()
        .findAccount(id)
        .orElseThrow(
            () -> ErrorCode.RESOURCE_NOT_FOUND.exception("Account %s does not exist.", id));
  }

  private byte[] seal(AccessKey key, String secret) {
    return cipher.seal(secret, context(key));
  }

  private static String context(AccessKey key) {
    return "access-key:" + key.accessKeyId() + ":" + key.account();
  }

  private record CachedCredential(Optional<SigningCredential> credential, Instant expiresAt) {}
}

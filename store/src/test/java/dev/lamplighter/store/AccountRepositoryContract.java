package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.AccessKey;
import dev.lamplighter.security.Account;
import dev.lamplighter.security.Status;
import dev.lamplighter.security.spi.AccountRepository;
import dev.lamplighter.security.spi.StoredAccessKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of {@link AccountRepository}. */
abstract class AccountRepositoryContract extends ContractSupport {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00.000000001Z");

  private AccountRepository accounts() {
    return store().securityPorts().accounts();
  }

  private Account newAccount(String name) {
    Account account = new Account(newAccountId(), name, Status.ACTIVE, CREATED);
    tx(() -> accounts().insertAccount(account));
    return account;
  }

  private static StoredAccessKey key(String id, AccountId account, byte... sealed) {
    return new StoredAccessKey(new AccessKey(id, account, Status.ACTIVE, CREATED), sealed);
  }

  private static String uniqueKeyId(AccountId account, String suffix) {
    return "AKIA" + account.value() + suffix;
  }

  @Test
  void insertAccount_thenFind_returnsIt() {
    Account account = newAccount("city-of-lights");

    assertThat(accounts().findAccount(account.id())).contains(account);
  }

  @Test
  void findAccount_ofUnknownId_isEmpty() {
    assertThat(accounts().findAccount(newAccountId())).isEmpty();
  }

  @Test
  void insertAccount_withTakenId_failsWithResourceAlreadyExists() {
    Account account = newAccount("first");

    assertThatThrownBy(
            () ->
                tx(
                    () ->
                        accounts()
                            .insertAccount(
                                new Account(account.id(), "second", Status.ACTIVE, CREATED))))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining(account.id().value());
    assertThat(accounts().findAccount(account.id())).contains(account);
  }

  @Test
  void listAccounts_returnsEveryAccount_orderedById() {
    AccountId low = newAccountId();
    AccountId middle = newAccountId();
    AccountId high = newAccountId();
    tx(
        () -> {
          accounts().insertAccount(new Account(high, "h", Status.ACTIVE, CREATED));
          accounts().insertAccount(new Account(low, "l", Status.DISABLED, CREATED));
          accounts().insertAccount(new Account(middle, "m", Status.ACTIVE, CREATED));
        });

    List<Account> all = accounts().listAccounts();

    assertThat(all).isSortedAccordingTo(Comparator.comparing(a -> a.id().value()));
    assertThat(all)
        .filteredOn(a -> Set.of(low, middle, high).contains(a.id()))
        .extracting(Account::name)
        .containsExactly("l", "m", "h");
  }

  @Test
  void updateAccount_replacesNameAndStatus() {
    Account account = newAccount("before");
    Account changed = new Account(account.id(), "after", Status.DISABLED, CREATED);

    tx(() -> accounts().updateAccount(changed));

    assertThat(accounts().findAccount(account.id())).contains(changed);
  }

  @Test
  void updateAccount_ofMissingAccount_failsWithResourceNotFound() {
    Account ghost = new Account(newAccountId(), "ghost", Status.ACTIVE, CREATED);

    assertThatThrownBy(() -> tx(() -> accounts().updateAccount(ghost)))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThat(accounts().findAccount(ghost.id())).isEmpty();
  }

  @Test
  void insertKey_thenFindKey_returnsTheKeyWithItsSealedSecret() {
    Account account = newAccount("owner");
    String id = uniqueKeyId(account.id(), "A");

    tx(() -> accounts().insertKey(key(id, account.id(), (byte) 0, (byte) 0xff, (byte) 7)));

    assertThat(accounts().findKey(id))
        .hasValueSatisfying(
            stored -> {
              assertThat(stored.key())
                  .isEqualTo(new AccessKey(id, account.id(), Status.ACTIVE, CREATED));
              assertThat(stored.sealedSecret()).containsExactly(0, 0xff, 7);
            });
  }

  @Test
  void findKey_ofUnknownId_isEmpty() {
    assertThat(accounts().findKey("AKIADOESNOTEXIST")).isEmpty();
  }

  @Test
  void insertKey_withTakenId_failsWithResourceAlreadyExists() {
    Account account = newAccount("owner");
    String id = uniqueKeyId(account.id(), "A");
    tx(() -> accounts().insertKey(key(id, account.id(), (byte) 1)));

    assertThatThrownBy(() -> tx(() -> accounts().insertKey(key(id, account.id(), (byte) 2))))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining(id);
    assertThat(accounts().findKey(id).orElseThrow().sealedSecret()).containsExactly(1);
  }

  @Test
  void updateKey_replacesStatusAndSealedSecret() {
    Account account = newAccount("owner");
    String id = uniqueKeyId(account.id(), "A");
    tx(() -> accounts().insertKey(key(id, account.id(), (byte) 1)));
    StoredAccessKey disabled =
        new StoredAccessKey(
            new AccessKey(id, account.id(), Status.DISABLED, CREATED), new byte[] {9, 9});

    tx(() -> accounts().updateKey(disabled));

    StoredAccessKey stored = accounts().findKey(id).orElseThrow();
    assertThat(stored.key().status()).isEqualTo(Status.DISABLED);
    assertThat(stored.sealedSecret()).containsExactly(9, 9);
  }

  @Test
  void updateKey_ofMissingKey_failsWithResourceNotFound() {
    Account account = newAccount("owner");

    assertThatThrownBy(
            () ->
                tx(
                    () ->
                        accounts()
                            .updateKey(
                                key(uniqueKeyId(account.id(), "X"), account.id(), (byte) 1))))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }

  @Test
  void listKeys_returnsOnlyThatAccountsKeys_orderedById() {
    Account owner = newAccount("owner");
    Account neighbour = newAccount("neighbour");
    tx(
        () -> {
          accounts().insertKey(key(uniqueKeyId(owner.id(), "C"), owner.id(), (byte) 1));
          accounts().insertKey(key(uniqueKeyId(neighbour.id(), "A"), neighbour.id(), (byte) 1));
          accounts().insertKey(key(uniqueKeyId(owner.id(), "A"), owner.id(), (byte) 1));
        });

    assertThat(accounts().listKeys(owner.id()))
        .extracting(AccessKey::accessKeyId)
        .containsExactly(uniqueKeyId(owner.id(), "A"), uniqueKeyId(owner.id(), "C"));
    assertThat(accounts().listKeys(newAccountId())).isEmpty();
  }
}

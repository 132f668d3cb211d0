package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.certificates.CertificateMode;
import dev.lamplighter.security.certificates.CertificateStatus;
import dev.lamplighter.security.certificates.Transfer;
import dev.lamplighter.security.spi.CertificateRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link CertificateRepository}. */
abstract class CertificateRepositoryContract extends ContractSupport {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  private CertificateRepository certificates() {
    return security().certificates();
  }

  /** An ACTIVE certificate of the scope's account, made at {@code createdAt}, never transferred. */
  private static Certificate certificate(
      Scope scope, String name, String caCertificateId, Instant createdAt) {
    String id = sha256Hex(name);
    return new Certificate(
        id,
        "-----BEGIN CERTIFICATE-----\n" + id + "\n-----END CERTIFICATE-----\n",
        CertificateStatus.ACTIVE,
        caCertificateId,
        CertificateMode.DEFAULT,
        scope.account().value(),
        null,
        null,
        createdAt.minus(Duration.ofDays(1)),
        createdAt.plus(Duration.ofDays(365)),
        createdAt,
        createdAt,
        1);
  }

  private void insert(Scope scope, Certificate... all) {
    tx(
        () -> {
          for (Certificate certificate : all) {
            certificates().insert(scope, certificate);
          }
        });
  }

  private static List<String> ids(List<Certificate> certificates) {
    return certificates.stream().map(Certificate::certificateId).toList();
  }

  /** Every page of a listing, read with the cursors the repository defines. */
  private List<List<String>> pagesOf(
      Scope scope, String caCertificateId, boolean ascending, int size) {
    return keysetPages(
            after -> certificates().list(scope, caCertificateId, ascending, after, size),
            CertificateRepository::cursorOf,
            size)
        .stream()
        .map(CertificateRepositoryContract::ids)
        .toList();
  }

  @Test
  void insert_thenFind_returnsTheSameCertificate_withEveryField() {
    Scope scope = newScope();
    Certificate certificate =
        new Certificate(
            sha256Hex("full"),
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            CertificateStatus.PENDING_TRANSFER,
            sha256Hex("some-ca"),
            CertificateMode.SNI_ONLY,
            scope.account().value(),
            "210987654321",
            new Transfer(
                "999988887777",
                "here you are",
                "no thanks",
                Instant.parse("2026-03-01T08:00:00.000000001Z"),
                Instant.parse("2026-03-02T08:00:00.5Z"),
                Instant.parse("2026-03-03T08:00:00.123456789Z")),
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2027-01-01T00:00:00.999999999Z"),
            Instant.parse("2026-02-01T10:15:30.123456789Z"),
            Instant.parse("2026-02-02T10:15:30.000000007Z"),
            42);

    insert(scope, certificate);

    assertThat(certificates().find(scope, certificate.certificateId())).contains(certificate);
  }

  @Test
  void insert_withoutCaTransferOrValidity_isFoundAsItWasStored() {
    Scope scope = newScope();
    Certificate bare =
        new Certificate(
            sha256Hex("bare"),
            "pem",
            CertificateStatus.PENDING_ACTIVATION,
            null,
            CertificateMode.DEFAULT,
            scope.account().value(),
            null,
            null,
            null,
            null,
            T0,
            T0,
            1);

    insert(scope, bare);

    assertThat(certificates().find(scope, bare.certificateId())).contains(bare);
  }

  @Test
  void find_ofUnknownId_isEmpty() {
    assertThat(certificates().find(newScope(), sha256Hex("nothing"))).isEmpty();
  }

  @Test
  void insert_withTakenId_failsWithResourceAlreadyExists_andKeepsTheFirst() {
    Scope scope = newScope();
    Certificate first = certificate(scope, "lamp-1", null, T0);
    insert(scope, first);
    Certificate second = first.withStatus(CertificateStatus.INACTIVE, T0.plusSeconds(1));

    assertThatThrownBy(() -> insert(scope, second))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining(first.certificateId());
    assertThat(certificates().find(scope, first.certificateId())).contains(first);
  }

  @Test
  void insert_withTakenId_leavesTheTransactionUsable() {
    Scope scope = newScope();
    Certificate first = certificate(scope, "lamp-1", null, T0);
    insert(scope, first);
    Certificate other = certificate(scope, "lamp-2", null, T0);

    tx(
        () -> {
          assertThatThrownBy(() -> certificates().insert(scope, first))
              .isInstanceOf(ServiceException.class);
          certificates().insert(scope, other);
        });

    assertThat(certificates().find(scope, other.certificateId())).contains(other);
  }

  @Test
  void update_withCurrentGeneration_replacesTheCertificate() {
    Scope scope = newScope();
    Certificate v1 = certificate(scope, "lamp-1", null, T0);
    insert(scope, v1);
    Certificate v2 = v1.withStatus(CertificateStatus.REVOKED, T0.plusSeconds(60));

    assertThat(tx(() -> certificates().update(scope, v2, 1))).isTrue();

    assertThat(certificates().find(scope, v1.certificateId())).contains(v2);
  }

  @Test
  void update_withStaleGeneration_orOfMissingCertificate_writesNothing() {
    Scope scope = newScope();
    Certificate v1 = certificate(scope, "lamp-1", null, T0);
    insert(scope, v1);
    Certificate v2 = v1.withStatus(CertificateStatus.INACTIVE, T0.plusSeconds(1));
    tx(() -> certificates().update(scope, v2, 1));
    Certificate lost = v1.withStatus(CertificateStatus.REVOKED, T0.plusSeconds(2));
    Certificate ghost = certificate(scope, "ghost", null, T0);

    assertThat(tx(() -> certificates().update(scope, lost, 1))).isFalse();
    assertThat(tx(() -> certificates().update(scope, ghost, 1))).isFalse();
    assertThat(certificates().find(scope, v1.certificateId())).contains(v2);
    assertThat(certificates().find(scope, ghost.certificateId())).isEmpty();
  }

  @Test
  void update_canClearATransfer() {
    Scope scope = newScope();
    Certificate offered =
        certificate(scope, "lamp-1", null, T0)
            .withTransfer(
                CertificateStatus.PENDING_TRANSFER,
                new Transfer("999988887777", "msg", null, T0, null, null),
                T0);
    insert(scope, offered);
    Certificate cancelled = offered.withTransfer(CertificateStatus.INACTIVE, null, T0);

    assertThat(tx(() -> certificates().update(scope, cancelled, offered.generationId()))).isTrue();

    assertThat(certificates().find(scope, offered.certificateId()))
        .hasValueSatisfying(found -> assertThat(found.transfer()).isNull());
  }

  @Test
  void delete_removesTheCertificate_onlyOnce() {
    Scope scope = newScope();
    Certificate certificate = certificate(scope, "lamp-1", null, T0);
    insert(scope, certificate);

    assertThat(tx(() -> certificates().delete(scope, certificate.certificateId()))).isTrue();
    assertThat(certificates().find(scope, certificate.certificateId())).isEmpty();
    assertThat(tx(() -> certificates().delete(scope, certificate.certificateId()))).isFalse();
  }

  /**
   * Seven certificates over four creation times (whole and fractional seconds, and ties that the id
   * breaks), inserted out of order; returns them in creation order.
   */
  private List<Certificate> insertSeven(Scope scope, String caCertificateId) {
    List<Certificate> all = new ArrayList<>();
    Instant[] times = {
      T0.plusSeconds(1),
      T0,
      T0.plusMillis(500),
      T0.plusSeconds(1).plusNanos(1),
      T0,
      T0.plusSeconds(1)
    };
    for (int i = 0; i < times.length; i++) {
      all.add(certificate(scope, scope + "-cert-" + i, caCertificateId, times[i]));
    }
    all.add(certificate(scope, scope + "-cert-late", caCertificateId, T0.plusSeconds(3600)));
    insert(scope, all.toArray(Certificate[]::new));
    return all.stream()
        .sorted(
            Comparator.comparing(Certificate::createdAt).thenComparing(Certificate::certificateId))
        .toList();
  }

  @Test
  void list_ascending_returnsCertificatesByCreationThenId_pageByPage() {
    Scope scope = newScope();
    List<String> expected = ids(insertSeven(scope, null));

    List<List<String>> pages = pagesOf(scope, null, true, 3);

    assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(flatten(pages)).isEqualTo(expected);
  }

  @Test
  void list_descending_returnsTheReverseOrder_pageByPage() {
    Scope scope = newScope();
    List<String> expected = new ArrayList<>(ids(insertSeven(scope, null)));
    Collections.reverse(expected);

    List<List<String>> pages = pagesOf(scope, null, false, 2);

    assertThat(pages).extracting(List::size).containsExactly(2, 2, 2, 1);
    assertThat(flatten(pages)).isEqualTo(expected);
  }

  @Test
  void list_fromOneCursor_walksForwardsAscending_andBackwardsDescending() {
    Scope scope = newScope();
    List<Certificate> ordered = insertSeven(scope, null);
    String cursor = CertificateRepository.cursorOf(ordered.get(3));

    assertThat(ids(certificates().list(scope, null, true, cursor, 10)))
        .isEqualTo(ids(ordered.subList(4, 7)));
    assertThat(ids(certificates().list(scope, null, false, cursor, 10)))
        .containsExactly(
            ordered.get(2).certificateId(),
            ordered.get(1).certificateId(),
            ordered.get(0).certificateId());
  }

  @Test
  void list_byCa_returnsOnlyThatCasCertificates_inBothOrders() {
    Scope scope = newScope();
    String ca = sha256Hex(scope + "-ca");
    List<String> expected = ids(insertSeven(scope, ca));
    insert(
        scope,
        certificate(scope, "other-ca-cert", sha256Hex(scope + "-other-ca"), T0),
        certificate(scope, "own-ca-cert", null, T0));
    List<String> reversed = new ArrayList<>(expected);
    Collections.reverse(reversed);

    assertThat(flatten(pagesOf(scope, ca, true, 2))).isEqualTo(expected);
    assertThat(flatten(pagesOf(scope, ca, false, 3))).isEqualTo(reversed);
    assertThat(certificates().list(scope, sha256Hex("unknown-ca"), true, null, 10)).isEmpty();
    assertThat(certificates().list(scope, null, true, null, 100)).hasSize(9);
  }

  @Test
  void list_withMalformedCursor_isAProgrammingError() {
    Scope scope = newScope();

    for (String cursor :
        new String[] {"garbage", "2026-03-01T08:00:00Z", "|abc", "yesterday|abc", "2026-03-01|"}) {
      assertThatThrownBy(() -> certificates().list(scope, null, true, cursor, 10))
          .as(cursor)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void findTransferredTo_findsTheCertificate_onlyWhileTheTransferIsPending() {
    Scope sender = newScope();
    Scope receiver = new Scope(newAccountId(), sender.region());
    Certificate certificate = certificate(sender, "moving", null, T0);
    insert(sender, certificate);
    Certificate offered =
        certificate.withTransfer(
            CertificateStatus.PENDING_TRANSFER,
            new Transfer(receiver.account().value(), "take it", null, T0, null, null),
            T0.plusSeconds(1));
    String id = certificate.certificateId();

    assertThat(certificates().findTransferredTo(receiver, id)).isEmpty();
    tx(() -> certificates().update(sender, offered, 1));

    assertThat(certificates().findTransferredTo(receiver, id)).contains(offered);
    assertThat(certificates().findTransferredTo(sender, id)).isEmpty();
    assertThat(certificates().findTransferredTo(newScope(), id)).isEmpty();
    assertThat(
            certificates().findTransferredTo(Scope.of(receiver.account().value(), "us-east-1"), id))
        .isEmpty();
    assertThat(certificates().findTransferredTo(receiver, sha256Hex("other"))).isEmpty();

    Certificate rejected =
        offered.withTransfer(
            CertificateStatus.INACTIVE,
            new Transfer(
                receiver.account().value(), "take it", "not mine", T0, null, T0.plusSeconds(2)),
            T0.plusSeconds(2));
    tx(() -> certificates().update(sender, rejected, offered.generationId()));

    assertThat(certificates().findTransferredTo(receiver, id)).isEmpty();
    assertThat(certificates().find(sender, id)).contains(rejected);
  }

  @Test
  void existsIssuedBy_tellsWhetherTheScopeHasACertificateOfTheCa() {
    Scope scope = newScope();
    String ca = sha256Hex(scope + "-ca");
    Certificate issued = certificate(scope, "issued", ca, T0);
    insert(scope, issued, certificate(scope, "own", null, T0));

    assertThat(certificates().existsIssuedBy(scope, ca)).isTrue();
    assertThat(certificates().existsIssuedBy(scope, sha256Hex("other-ca"))).isFalse();
    assertThat(certificates().existsIssuedBy(newScope(), ca)).isFalse();
    tx(() -> certificates().delete(scope, issued.certificateId()));
    assertThat(certificates().existsIssuedBy(scope, ca)).isFalse();
  }

  @Test
  void scopesOf_namesEveryScopeThatRegisteredTheId_inAccountAndRegionOrder() {
    Scope mine = newScope();
    Scope otherAccount = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    Certificate own = certificate(mine, mine + "-registered-twice", null, T0);
    insert(mine, own);
    insert(otherRegion, own.withStatus(CertificateStatus.INACTIVE, T0));
    String id = own.certificateId();

    assertThat(certificates().scopesOf(id))
        .containsExactly(mine, otherRegion)
        .doesNotContain(otherAccount);
    assertThat(certificates().scopesOf(sha256Hex(mine + "-never-registered"))).isEmpty();
  }

  @Test
  void scopes_keepCertificatesApart_evenWithTheSameId() {
    Scope mine = newScope();
    Scope otherAccount = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    Certificate own = certificate(mine, "shared", null, T0);
    Certificate theirs = own.withStatus(CertificateStatus.INACTIVE, T0);
    Certificate regional = own.withStatus(CertificateStatus.REVOKED, T0);
    insert(mine, own);
    insert(otherAccount, theirs);
    insert(otherRegion, regional);
    String id = own.certificateId();

    assertThat(certificates().find(mine, id)).contains(own);
    assertThat(certificates().find(otherAccount, id)).contains(theirs);
    assertThat(certificates().find(otherRegion, id)).contains(regional);
    assertThat(certificates().list(mine, null, true, null, 10)).containsExactly(own);
    assertThat(tx(() -> certificates().delete(otherAccount, id))).isTrue();
    assertThat(tx(() -> certificates().update(otherAccount, theirs, 1))).isFalse();
    assertThat(certificates().find(mine, id)).contains(own);
    assertThat(certificates().find(otherRegion, id)).contains(regional);
  }
}

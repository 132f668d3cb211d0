package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.CaCertificate;
import dev.lamplighter.security.certificates.CaCertificateStatus;
import dev.lamplighter.security.certificates.CertificateMode;
import dev.lamplighter.security.certificates.RegistrationConfig;
import dev.lamplighter.security.spi.CaCertificateRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link CaCertificateRepository}. */
abstract class CaCertificateRepositoryContract extends ContractSupport {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  private CaCertificateRepository cas() {
    return security().caCertificates();
  }

  private static CaCertificate ca(Scope scope, String id, CaCertificateStatus status, Instant at) {
    return new CaCertificate(
        id,
        "-----BEGIN CERTIFICATE-----\n" + id + "\n-----END CERTIFICATE-----\n",
        status,
        false,
        CertificateMode.DEFAULT,
        RegistrationConfig.none(),
        scope.account().value(),
        at.minus(Duration.ofDays(1)),
        at.plus(Duration.ofDays(3650)),
        at,
        at,
        1);
  }

  private static CaCertificate next(CaCertificate ca, CaCertificateStatus status) {
    return new CaCertificate(
        ca.certificateId(),
        ca.pem(),
        status,
        !ca.autoRegistration(),
        ca.mode(),
        new RegistrationConfig("{\"Resources\":{}}", "arn:aws:iam::1:role/jitp", null),
        ca.ownedBy(),
        ca.notBefore(),
        ca.notAfter(),
        ca.createdAt(),
        ca.createdAt().plusSeconds(60),
        ca.generationId() + 1);
  }

  private void insert(Scope scope, CaCertificate... all) {
    tx(
        () -> {
          for (CaCertificate ca : all) {
            cas().insert(scope, ca);
          }
        });
  }

  private static String cursorOf(CaCertificate ca) {
    return ca.createdAt() + "|" + ca.certificateId();
  }

  private static List<String> ids(List<CaCertificate> cas) {
    return cas.stream().map(CaCertificate::certificateId).toList();
  }

  @Test
  void insert_thenFind_returnsTheSameCa_withEveryField() {
    Scope scope = newScope();
    CaCertificate ca =
        new CaCertificate(
            sha256Hex("full"),
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            CaCertificateStatus.ACTIVE,
            true,
            CertificateMode.SNI_ONLY,
            new RegistrationConfig("{\"Resources\":{}}", "arn:aws:iam::1:role/r", "tmpl"),
            scope.account().value(),
            Instant.parse("2026-01-01T00:00:00.000000001Z"),
            Instant.parse("2036-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T10:15:30.123456789Z"),
            Instant.parse("2026-02-02T10:15:30.5Z"),
            7);

    insert(scope, ca);

    assertThat(cas().find(scope, ca.certificateId())).contains(ca);
    assertThat(cas().find(scope, sha256Hex("other"))).isEmpty();
  }

  @Test
  void insert_withoutValidityOrModification_isFoundAsItWasStored() {
    Scope scope = newScope();
    CaCertificate bare =
        new CaCertificate(
            sha256Hex("bare"),
            "pem",
            CaCertificateStatus.INACTIVE,
            false,
            CertificateMode.DEFAULT,
            null,
            scope.account().value(),
            null,
            null,
            T0,
            null,
            1);

    insert(scope, bare);

    assertThat(cas().find(scope, bare.certificateId())).contains(bare);
  }

  @Test
  void insert_withTakenId_failsWithResourceAlreadyExists_andKeepsTheFirst() {
    Scope scope = newScope();
    CaCertificate first = ca(scope, sha256Hex("ca"), CaCertificateStatus.ACTIVE, T0);
    insert(scope, first);

    assertThatThrownBy(() -> insert(scope, next(first, CaCertificateStatus.INACTIVE)))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining(first.certificateId());
    assertThat(cas().find(scope, first.certificateId())).contains(first);
  }

  @Test
  void update_isOptimistic_onTheGeneration() {
    Scope scope = newScope();
    CaCertificate v1 = ca(scope, sha256Hex("ca"), CaCertificateStatus.ACTIVE, T0);
    insert(scope, v1);
    CaCertificate v2 = next(v1, CaCertificateStatus.INACTIVE);

    assertThat(tx(() -> cas().update(scope, v2, 1))).isTrue();
    assertThat(tx(() -> cas().update(scope, next(v1, CaCertificateStatus.ACTIVE), 1))).isFalse();
    CaCertificate ghost = ca(scope, sha256Hex("ghost"), CaCertificateStatus.ACTIVE, T0);
    assertThat(tx(() -> cas().update(scope, ghost, 1))).isFalse();
    assertThat(cas().find(scope, v1.certificateId())).contains(v2);
    assertThat(cas().find(scope, ghost.certificateId())).isEmpty();
  }

  @Test
  void delete_removesTheCa_onlyOnce() {
    Scope scope = newScope();
    CaCertificate ca = ca(scope, sha256Hex("ca"), CaCertificateStatus.ACTIVE, T0);
    insert(scope, ca);

    assertThat(tx(() -> cas().delete(scope, ca.certificateId()))).isTrue();
    assertThat(cas().find(scope, ca.certificateId())).isEmpty();
    assertThat(tx(() -> cas().delete(scope, ca.certificateId()))).isFalse();
  }

  @Test
  void list_inCreationOrder_bothWays_pageByPage() {
    Scope scope = newScope();
    Instant[] times = {T0.plusSeconds(2), T0, T0.plusMillis(1), T0, T0.plusSeconds(2)};
    List<CaCertificate> all = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      all.add(ca(scope, sha256Hex(scope + "-" + i), CaCertificateStatus.ACTIVE, times[i]));
    }
    insert(scope, all.toArray(CaCertificate[]::new));
    List<String> expected =
        ids(
            all.stream()
                .sorted(
                    Comparator.comparing(CaCertificate::createdAt)
                        .thenComparing(CaCertificate::certificateId))
                .toList());
    List<String> reversed = new ArrayList<>(expected);
    Collections.reverse(reversed);

    List<List<CaCertificate>> ascending =
        keysetPages(
            after -> cas().list(scope, true, after, 2),
            CaCertificateRepositoryContract::cursorOf,
            2);
    List<List<CaCertificate>> descending =
        keysetPages(
            after -> cas().list(scope, false, after, 2),
            CaCertificateRepositoryContract::cursorOf,
            2);

    assertThat(ascending).extracting(List::size).containsExactly(2, 2, 1);
    assertThat(ids(ascending.stream().flatMap(List::stream).toList())).isEqualTo(expected);
    assertThat(ids(descending.stream().flatMap(List::stream).toList())).isEqualTo(reversed);
  }

  @Test
  void findActiveById_findsTheActiveRegistrations_inEveryScope() {
    String id = sha256Hex(newScope() + "-shared-ca");
    Scope first = newScope();
    Scope inactive = newScope();
    Scope otherRegion = Scope.of(first.account().value(), "us-east-1");
    CaCertificate active = ca(first, id, CaCertificateStatus.ACTIVE, T0);
    CaCertificate regional = ca(otherRegion, id, CaCertificateStatus.ACTIVE, T0);
    insert(first, active);
    insert(inactive, ca(inactive, id, CaCertificateStatus.INACTIVE, T0));
    insert(otherRegion, regional);

    assertThat(cas().findActiveById(id)).containsExactly(active, regional);
    assertThat(cas().findActiveById(sha256Hex("unknown"))).isEmpty();

    tx(() -> cas().update(first, next(active, CaCertificateStatus.INACTIVE), 1));
    assertThat(cas().findActiveById(id)).containsExactly(regional);
    tx(() -> cas().delete(otherRegion, id));
    assertThat(cas().findActiveById(id)).isEmpty();
  }

  @Test
  void scopes_keepCasApart_evenWithTheSameId() {
    Scope mine = newScope();
    Scope other = newScope();
    String id = sha256Hex("shared");
    CaCertificate own = ca(mine, id, CaCertificateStatus.ACTIVE, T0);
    CaCertificate theirs = ca(other, id, CaCertificateStatus.INACTIVE, T0);
    insert(mine, own);
    insert(other, theirs);

    assertThat(cas().find(mine, id)).contains(own);
    assertThat(cas().find(other, id)).contains(theirs);
    assertThat(cas().list(mine, true, null, 10)).containsExactly(own);
    assertThat(tx(() -> cas().delete(other, id))).isTrue();
    assertThat(cas().find(mine, id)).contains(own);
  }
}

package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.spi.RegistrationCodeRepository;
import org.junit.jupiter.api.Test;

/** The contract of {@link RegistrationCodeRepository}. */
abstract class RegistrationCodeRepositoryContract extends ContractSupport {

  private RegistrationCodeRepository codes() {
    return security().registrationCodes();
  }

  @Test
  void find_ofAScopeWithoutCode_isEmpty() {
    assertThat(codes().find(newScope())).isEmpty();
  }

  @Test
  void put_storesTheCode_andReplacesThePreviousOne() {
    Scope scope = newScope();

    tx(() -> codes().put(scope, "first-code"));
    assertThat(codes().find(scope)).contains("first-code");

    tx(() -> codes().put(scope, "second-code"));
    assertThat(codes().find(scope)).contains("second-code");
  }

  @Test
  void delete_removesTheCode_onlyOnce() {
    Scope scope = newScope();
    tx(() -> codes().put(scope, "code"));

    assertThat(tx(() -> codes().delete(scope))).isTrue();
    assertThat(codes().find(scope)).isEmpty();
    assertThat(tx(() -> codes().delete(scope))).isFalse();
  }

  @Test
  void scopes_haveOneCodeEach() {
    Scope mine = newScope();
    Scope otherAccount = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    tx(
        () -> {
          codes().put(mine, "mine");
          codes().put(otherRegion, "regional");
        });

    assertThat(codes().find(mine)).contains("mine");
    assertThat(codes().find(otherRegion)).contains("regional");
    assertThat(codes().find(otherAccount)).isEmpty();
    assertThat(tx(() -> codes().delete(otherAccount))).isFalse();
    assertThat(tx(() -> codes().delete(otherRegion))).isTrue();
    assertThat(codes().find(mine)).contains("mine");
  }
}

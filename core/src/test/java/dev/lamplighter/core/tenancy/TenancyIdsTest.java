package dev.lamplighter.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenancyIdsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "us-east-1",
        "eu-west-3",
        "ap-southeast-2",
        "us-gov-west-1",
        "cn-north-1",
        "il-central-1",
        "eusc-de-east-1",
        "us-east-10"
      })
  void regionNames_areAccepted(String name) {
    assertThat(Region.isValid(name)).isTrue();
    assertThat(Region.of(name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "us",
        "us-east",
        "us-east-",
        "US-east-1",
        "u-east-1",
        "abcde-east-1",
        "us--east-1",
        "us-east-123",
        "us-east-1a",
        "-east-1",
        "us-1",
        "us east-1"
      })
  void otherTexts_areNotRegions(String name) {
    assertThat(Region.isValid(name)).isFalse();
    assertThatThrownBy(() -> Region.of(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678901", "1234567890123", "12345678901a", "", " 23456789012"})
  void accountIds_areTwelveDigits(String text) {
    assertThat(AccountId.isValid(text)).isFalse();
    assertThat(AccountId.isValid("123456789012")).isTrue();
  }
}

package dev.lamplighter.core.arn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArnTest {
  @Test
  void thingArn_isBuiltAsAwsDoes() {
    Arn arn = Arn.of(Scope.of("123456789012", "eu-west-1"), ResourceType.THING, "lamp-1");

    assertThat(arn).hasToString("arn:aws:iot:eu-west-1:123456789012:thing/lamp-1");
  }

  @Test
  void parse_roundTrips() {
    String text = "arn:aws:iot:us-east-1:123456789012:thingtype/StreetLight";

    assertThat(Arn.parse(text))
        .hasValueSatisfying(
            arn -> {
              assertThat(arn.type()).isEqualTo(ResourceType.THING_TYPE);
              assertThat(arn.name()).isEqualTo("StreetLight");
              assertThat(arn.scope()).isEqualTo(Scope.of("123456789012", "us-east-1"));
              assertThat(arn).hasToString(text);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "arn:aws:s3:::bucket",
        "arn:aws:iot:eu-west-1:12345:thing/x",
        "arn:aws:iot:nowhere:123456789012:thing/x",
        "arn:aws:iot:eu-west-1:123456789012:gadget/x",
        "arn:aws:iot:eu-west-1:123456789012:thing/",
        "arn:aws:iot:eu-west-1:123456789012:thing"
      })
  void parse_refusesWhatIsNotAnIotArn(String text) {
    assertThat(Arn.parse(text)).isEmpty();
  }
}

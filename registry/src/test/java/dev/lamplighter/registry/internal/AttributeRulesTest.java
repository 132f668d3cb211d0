package dev.lamplighter.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeRulesTest {
  @Test
  void merge_addsReplacesAndRemovesOnEmptyValue() {
    Map<String, String> merged =
        AttributeRules.merge(
            Map.of("color", "red", "watts", "60", "city", "Turin"),
            Map.of("watts", "75", "city", "", "zone", "north"));

    assertThat(merged)
        .containsExactly(
            Map.entry("color", "red"), Map.entry("watts", "75"), Map.entry("zone", "north"));
  }

  @Test
  void replace_dropsEmptyValues() {
    assertThat(AttributeRules.replace(Map.of("a", "1", "b", "")))
        .containsExactly(Map.entry("a", "1"));
  }

  @Test
  void untypedThing_withFourAttributes_isRefused() {
    Map<String, String> four = Map.of("a", "1", "b", "2", "c", "3", "d", "4");

    assertThatThrownBy(() -> AttributeRules.checkLimits("lamp-1", four, false))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("at most 3")
        .extracting(e -> ((ServiceException) e).code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
  }

  @Test
  void typedThing_mayHaveFifty_butNotFiftyOne() {
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      attributes.put("attr" + i, "v");
    }
    AttributeRules.checkLimits("lamp-1", attributes, true);

    attributes.put("one-too-many", "v");
    assertThatThrownBy(() -> AttributeRules.checkLimits("lamp-1", attributes, true))
        .hasMessageContaining("at most 50");
  }
}

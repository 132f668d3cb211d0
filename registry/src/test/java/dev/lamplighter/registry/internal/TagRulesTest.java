package dev.lamplighter.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.registry.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagRulesTest {
  @Test
  void reservedPrefix_isRefused_inAnyCase() {
    assertThatThrownBy(() -> TagRules.toMap(List.of(new Tag("AWS:owner", "me"))))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("reserved prefix");
  }

  @Test
  void duplicateKeys_areRefused() {
    assertThatThrownBy(() -> TagRules.toMap(List.of(new Tag("CITY", "a"), new Tag("CITY", "b"))))
        .hasMessageContaining("more than once");
  }

  @Test
  void fiftyOneTags_exceedTheLimit() {
    TagRules.checkCount("arn", 50);

    assertThatThrownBy(() -> TagRules.checkCount("arn", 51))
        .extracting(e -> ((ServiceException) e).code())
        .isEqualTo(ErrorCode.LIMIT_EXCEEDED);
  }

  @Test
  void tags_keepTheirOrder() {
    assertThat(TagRules.toMap(List.of(new Tag("CITY", "Turin"), new Tag("ENVIRONMENT", "prod"))))
        .containsKeys("CITY", "ENVIRONMENT");
  }
}

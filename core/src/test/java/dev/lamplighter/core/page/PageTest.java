package dev.lamplighter.core.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTest {
  @Test
  void lookahead_beyondLimit_yieldsCursorOfLastKeptItem() {
    Page<String> page = Page.fromLookahead(List.of("a", "b", "c"), 2, Function.identity());

    assertThat(page.items()).containsExactly("a", "b");
    assertThat(page.next()).contains("b");
  }

  @Test
  void lookahead_withinLimit_isLastPage() {
    Page<String> page = Page.fromLookahead(List.of("a", "b"), 2, Function.identity());

    assertThat(page.items()).containsExactly("a", "b");
    assertThat(page.next()).isEmpty();
  }
}

package dev.lamplighter.core.page;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing in a stable order.
 *
 * @param items the items of this page
 * @param next the cursor to resume after this page, or empty when this was the last page
 */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
  }

  /**
   * Builds a page from up to {@code limit + 1} fetched items: the extra item only proves that
   * another page exists, so it is dropped and the cursor of the last kept item is returned.
   */
  public static <T> Page<T> fromLookahead(
      List<T> fetched, int limit, Function<T, String> cursorOf) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, Optional.empty());
    }
    List<T> kept = fetched.subList(0, limit);
    return new Page<>(kept, Optional.of(cursorOf.apply(kept.get(limit - 1))));
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), next);
  }
}

package dev.lamplighter.core.page;

import java.util.Optional;

/**
 * Where a listing resumes and how many items it returns at most.
 *
 * @param after the cursor of the last item already returned, or empty for the first page
 * @param limit the largest number of items to return, at least 1
 */
public record PageRequest(Optional<String> after, int limit) {
  public PageRequest {
    if (limit < 1) {
      throw new IllegalArgumentException("a page holds at least one item");
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(Optional.empty(), limit);
  }

  public static PageRequest after(String cursor, int limit) {
    return new PageRequest(Optional.of(cursor), limit);
  }
}

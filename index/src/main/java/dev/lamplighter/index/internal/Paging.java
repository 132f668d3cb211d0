package dev.lamplighter.index.internal;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Walks every page of a registry listing. */
final class Paging {
  static final int PAGE = 1000;

  private Paging() {}

  static <T> void forEach(Function<PageRequest, Page<T>> listing, Consumer<T> action) {
    PageRequest request = PageRequest.first(PAGE);
    while (true) {
      Page<T> page = listing.apply(request);
      page.items().forEach(action);
      if (page.next().isEmpty()) {
        return;
      }
      request = PageRequest.after(page.next().get(), PAGE);
    }
  }

  static <T> List<T> all(Function<PageRequest, Page<T>> listing) {
    List<T> items = new ArrayList<>();
    forEach(listing, items::add);
    return items;
  }
}

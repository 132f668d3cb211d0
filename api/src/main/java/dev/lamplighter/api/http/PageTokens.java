package dev.lamplighter.api.http;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.page.PageTokenCodec;
import java.util.Optional;

/**
 * Converts between AWS {@code nextToken}/{@code maxResults} and domain cursors. A token is bound to
 * the operation, the caller's scope and the listing's filters, so it cannot be replayed against
 * another listing.
 */
public final class PageTokens {
  private final PageTokenCodec codec;

  public PageTokens(PageTokenCodec codec) {
    this.codec = codec;
  }

  /** Tokens in the URL-safe base64 alphabet, for services whose token pattern excludes + and /. */
  public PageTokens urlSafe() {
    return new PageTokens(codec.urlSafe());
  }

  /**
   * The page the call asks for.
   *
   * @param filters the listing's filter values, in a fixed order (nulls allowed)
   * @param maxResults the caller's page size, or null for {@code defaultLimit}
   * @param nextToken the caller's token, or null for the first page
   */
  public PageRequest request(
      Call call, Integer maxResults, String nextToken, int defaultLimit, Object... filters) {
    int limit = maxResults != null ? maxResults : defaultLimit;
    if (nextToken == null || nextToken.isEmpty()) {
      return PageRequest.first(limit);
    }
    return PageRequest.after(codec.decode(binding(call, filters), nextToken), limit);
  }

  /** The token for the page after {@code page}, or null when it was the last. */
  public String next(Call call, Page<?> page, Object... filters) {
    return next(call, page.next(), filters);
  }

  /** The token that resumes after {@code cursor}, or null when there is nothing after it. */
  public String next(Call call, Optional<String> cursor, Object... filters) {
    return cursor.map(after -> codec.encode(binding(call, filters), after)).orElse(null);
  }

  private static String binding(Call call, Object... filters) {
    StringBuilder binding = new StringBuilder(call.operation()).append('|').append(call.scope());
    for (Object filter : filters) {
      binding.append('|').append(filter == null ? "\u0000" : filter.toString());
    }
    return binding.toString();
  }
}

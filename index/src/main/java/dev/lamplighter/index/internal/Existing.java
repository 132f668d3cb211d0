package dev.lamplighter.index.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Registry reads of resources that may have been deleted since the change log named them: the index
 * treats "not found" as an answer, not a failure.
 */
final class Existing {
  private Existing() {}

  /** What {@code read} returns, or empty when it answers RESOURCE_NOT_FOUND. */
  static <T> Optional<T> read(Supplier<T> read) {
    try {
      return Optional.of(read.get());
    } catch (ServiceException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }
}

package dev.lamplighter.core.event;

import dev.lamplighter.core.arn.ResourceType;
import java.util.List;
import java.util.Set;

/**
 * The change log port.
 *
 * <p>{@link #append} must be called inside {@link
 * dev.lamplighter.core.tx.Transactions#inTransaction} so that the entry commits or rolls back with
 * the write it describes. Sequences are assigned in commit order, so a reader that resumes after
 * the last sequence it applied never skips an entry.
 */
public interface ChangeLog {

  /** Appends an entry to the current transaction. */
  void append(ChangeRecord record);

  /** Up to {@code limit} committed entries with a sequence greater than {@code afterSequence}. */
  List<ChangeEvent> readAfter(long afterSequence, int limit);

  /** The sequence of the last committed entry, or 0 when the log is empty. */
  long head();

  /**
   * Calls {@code listener} after each commit of this process that appended entries, on the
   * committing thread: a hint to read sooner. Entries other processes commit are found only by
   * reading. The listener must return at once and never throw.
   *
   * @return removes the listener
   */
  default Runnable onLocalCommit(Runnable listener) {
    return () -> {};
  }

  /**
   * As {@link #onLocalCommit(Runnable)}, but only after commits that appended an entry of one of
   * {@code types}. A store that cannot tell calls it after every commit that appended entries.
   *
   * @return removes the listener
   */
  default Runnable onLocalCommit(Set<ResourceType> types, Runnable listener) {
    return onLocalCommit(listener);
  }
}

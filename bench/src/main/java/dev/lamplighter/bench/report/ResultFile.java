package dev.lamplighter.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The raw lines of one bench run, in the order written. */
final class ResultFile {
  private final List<ResultRecord> records;

  private ResultFile(List<ResultRecord> records) {
    this.records = records;
  }

  static ResultFile read(Path path) throws IOException {
    return of(Files.readAllLines(path, StandardCharsets.UTF_8));
  }

  static ResultFile of(List<String> lines) {
    return new ResultFile(lines.stream().flatMap(l -> ResultRecord.parse(l).stream()).toList());
  }

  /** The last record of a kind, so that a rerun step replaces an earlier one. */
  Optional<ResultRecord> last(String kind) {
    return last(kind, r -> true);
  }

  Optional<ResultRecord> last(String kind, Predicate<ResultRecord> matching) {
    ResultRecord found = null;
    for (ResultRecord record : records) {
      if (record.kind().equals(kind) && matching.test(record)) {
        found = record;
      }
    }
    return Optional.ofNullable(found);
  }

  List<ResultRecord> all(String kind) {
    return records.stream().filter(r -> r.kind().equals(kind)).toList();
  }
}

package dev.lamplighter.index.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Matching one document in memory agrees with the index, query by query. */
class DocumentMatcherTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.lamplighter.index.internal.query.QueryExamples#examples")
  void matchingInMemory_agreesWithTheIndex(String query, Set<String> names) {
    assertThat(Fleet.matchInMemory(query)).containsExactlyElementsOf(names);
  }
}

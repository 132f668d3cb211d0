package dev.lamplighter.index.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each example query against a real Lucene index finds exactly the expected things. */
class FleetQueryParserTest {
  private static Fleet fleet;

  @BeforeAll
  static void index() {
    fleet = new Fleet();
  }

  @AfterAll
  static void close() throws Exception {
    fleet.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.lamplighter.index.internal.query.QueryExamples#examples")
  void aQuery_findsExactlyItsThings_andNothingOfAnotherScope(String query, Set<String> names) {
    assertThat(fleet.search(query)).containsExactlyElementsOf(names);
  }
}

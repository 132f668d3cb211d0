package dev.lamplighter.index.internal.query;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.index.IndexingConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed queries are InvalidQueryExceptions whose messages name the problem. */
class FleetQueryErrorsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`   `|The query is empty",
        "thingName:(a OR b|Missing ')' for the '(' at position 10",
        "thingName:a)|Unbalanced ')' at position 11",
        "thingName:\"abc|Unterminated quoted string starting at position 10",
        "thingName:a AND|Operator AND at position 12 has no operand after it",
        "thingName:a OR NOT|Operator NOT at position 15 has no operand after it",
        "OR thingName:a|Unexpected 'OR' at position 0",
        "thingName:a AND OR thingName:b|Operator AND at position 12 has no operand after it",
        "thingName:|Missing value after 'thingName:' at position 9",
        "thingName:a\\|Nothing to escape after '\\' at position 11",
        "thingName=a|Unexpected '=' at position 9",
        "color:red|Unknown field 'color' at position 0",
        "attributes.:x|Unknown field 'attributes.' at position 0",
        "attributes.temperature:hot|Field 'attributes.temperature' is a Number; 'hot' is not a"
            + " number",
        "attributes.temperature:[1 TO x]|Field 'attributes.temperature' is a Number; 'x' is not a"
            + " number",
        "attributes.temperature>warm|'warm' is not a number",
        "attributes.temperature:2*|Field 'attributes.temperature' is Number; wildcards need a"
            + " String field",
        "connectivity.connected:yes|Field 'connectivity.connected' is a Boolean; 'yes' is neither"
            + " true nor false",
        "connectivity.connected>0|Field 'connectivity.connected' is Boolean; ranges and"
            + " comparisons need a Number or String field",
        "attributes.x:[1 2]|Expected TO in the range at position 13, found '2' at position 16",
        "attributes.x:[1 TO 2|Expected ']' or '}' to close the range at position 13",
        "attributes.x:[a* TO b]|Wildcards are not allowed in a range",
        "[1 TO 2]|A range needs a field name, at position 0",
        "thing*:a|Wildcards are not allowed in a field name",
        "thingName:*a OR thingGroupNames:*b|2 terms that start with a wildcard; at most 1",
      })
  void aMalformedQuery_isRejectedWithItsProblem(String query, String message) {
    assertInvalid(query, message);
  }

  @Test
  void aQueryLongerThanTheLimit_isRejected() {
    String query = "thingName:" + "a".repeat(QueryLimits.MAX_QUERY_LENGTH - 9);

    assertInvalid(query, "The query is 1025 characters long; at most 1024 are allowed");
  }

  @Test
  void aQueryWithMoreThanTwelveTerms_isRejected() {
    String query = String.join(" OR ", java.util.Collections.nCopies(13, "thingName:a"));

    assertInvalid(query, "The query has 13 terms; at most 12 are allowed");
  }

  @Test
  void aLeadingWildcard_limitsTheQueryToAHundredCharacters() {
    String query = "thingName:*a AND thingTypeName:" + "b".repeat(70);

    assertInvalid(query, "A query with a leading wildcard may be at most 100 characters long");
  }

  @Test
  void connectivityFields_areUnknownWhenConnectivityIsNotIndexed() {
    IndexingConfiguration registryOnly =
        new IndexingConfiguration(
            IndexingConfiguration.ThingIndexingMode.REGISTRY,
            IndexingConfiguration.ConnectivityIndexingMode.OFF,
            "OFF",
            "OFF",
            List.of(),
            IndexingConfiguration.GroupIndexingMode.OFF,
            List.of());

    assertThatThrownBy(
            () ->
                FleetQueryParser.parse(
                    "connectivity.connected:true", FieldCatalogue.things(registryOnly)))
        .hasMessageContaining("Unknown field 'connectivity.connected'");
  }

  @Test
  void thingFields_areUnknownInTheThingGroupIndex() {
    FieldCatalogue groups = FieldCatalogue.thingGroups(IndexingConfiguration.DEFAULT);

    assertThatThrownBy(() -> FleetQueryParser.parse("thingName:a", groups))
        .hasMessageContaining("Unknown field 'thingName'");
  }

  private static void assertInvalid(String query, String message) {
    assertThatThrownBy(() -> FleetQueryParser.parse(query, Fleet.CATALOGUE))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.code())
                    .isEqualTo(ErrorCode.INVALID_QUERY))
        .hasMessageContaining(message);
  }
}

package dev.lamplighter.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriTemplateTest {

  static Stream<Arguments> matchingPaths() {
    return Stream.of(
        Arguments.of("/things/{thingName}", "/things/lamp-1", Map.of("thingName", "lamp-1")),
        Arguments.of("/things/{thingName}", "/things/lamp%3A1", Map.of("thingName", "lamp:1")),
        Arguments.of("/things/{thingName}", "/things/bad%20name", Map.of("thingName", "bad name")),
        Arguments.of("/things/{thingName}", "/things/a+b", Map.of("thingName", "a+b")),
        Arguments.of("/things/{thingName}", "/things/caf%C3%A9", Map.of("thingName", "café")),
        Arguments.of("/things/{thingName}", "/things/", Map.of("thingName", "")),
        Arguments.of("/topics/{topic}", "/topics/lamps%2Fstreet", Map.of("topic", "lamps/street")),
        Arguments.of(
            "/topics/{topic+}", "/topics/lamps/street/1", Map.of("topic", "lamps/street/1")),
        Arguments.of("/topics/{topic+}", "/topics/a%20b/c", Map.of("topic", "a b/c")),
        Arguments.of(
            "/files/{path+}/meta/{part}",
            "/files/a/b/meta/size",
            Map.of("path", "a/b", "part", "size")),
        Arguments.of(
            "/things/{thingName}/jobs/$next", "/things/t/jobs/$next", Map.of("thingName", "t")),
        Arguments.of(
            "/things/{thingName}/jobs/$next", "/things/t/jobs/%24next", Map.of("thingName", "t")),
        Arguments.of(
            "/policies/{policyName}/version/{policyVersionId}",
            "/policies/p/version/3",
            Map.of("policyName", "p", "policyVersionId", "3")),
        Arguments.of("/", "/", Map.of()),
        Arguments.of("/things", "/things?maxResults=3", Map.of()));
  }

  @ParameterizedTest(name = "{0} matches {1}")
  @MethodSource("matchingPaths")
  void match_returnsDecodedLabelValues(String template, String path, Map<String, String> labels) {
    assertThat(UriTemplate.parse(template).match(path)).contains(labels);
  }

  static Stream<Arguments> nonMatchingPaths() {
    return Stream.of(
        Arguments.of("/things/{thingName}", "/things/lamps/1"),
        Arguments.of("/things/{thingName}", "/things"),
        Arguments.of("/things/{thingName}", "/thing/lamp-1"),
        Arguments.of("/things/{thingName}", "/things/lamp%2"),
        Arguments.of("/things/{thingName}", "/things/lamp%zz"),
        Arguments.of("/things/{thingName}", "/things/%C3%28"),
        Arguments.of("/things", "/things/"),
        Arguments.of("/things/{thingName}/jobs/$next", "/things/t/jobs/next"),
        Arguments.of("/topics/{topic}", "/topics/lamps/street"),
        Arguments.of("/topics/{topic+}", "/topics"),
        Arguments.of("/files/{path+}/meta/{part}", "/files/meta/size"),
        Arguments.of("/things", "things"));
  }

  @ParameterizedTest(name = "{0} does not match {1}")
  @MethodSource("nonMatchingPaths")
  void match_isEmptyForOtherPaths(String template, String path) {
    assertThat(UriTemplate.parse(template).match(path)).isEmpty();
  }

  @Test
  void literalSegment_isMoreSpecificThanLabelAtTheSamePosition() {
    UriTemplate literal = UriTemplate.parse("/thing-groups/addThingToThingGroup");
    UriTemplate label = UriTemplate.parse("/thing-groups/{thingGroupName}");

    List<UriTemplate> sorted =
        Stream.of(label, literal).sorted(UriTemplate.MOST_SPECIFIC_FIRST).toList();

    assertThat(sorted).containsExactly(literal, label);
    assertThat(label.match("/thing-groups/addThingToThingGroup")).isPresent();
  }

  @Test
  void dollarNextLiteral_isMoreSpecificThanJobIdLabel() {
    UriTemplate next = UriTemplate.parse("/things/{thingName}/jobs/$next");
    UriTemplate jobId = UriTemplate.parse("/things/{thingName}/jobs/{jobId}");

    assertThat(UriTemplate.MOST_SPECIFIC_FIRST.compare(next, jobId)).isNegative();
    assertThat(jobId.match("/things/t/jobs/$next"))
        .contains(Map.of("thingName", "t", "jobId", "$next"));
  }

  @Test
  void plainLabel_isMoreSpecificThanGreedyLabel() {
    UriTemplate plain = UriTemplate.parse("/topics/{topic}");
    UriTemplate greedy = UriTemplate.parse("/topics/{topic+}");

    assertThat(Stream.of(greedy, plain).sorted(UriTemplate.MOST_SPECIFIC_FIRST))
        .containsExactly(plain, greedy);
  }

  @Test
  void templateWithRequiredQuery_isMoreSpecificThanTheSamePathWithout() {
    UriTemplate withQuery = UriTemplate.parse("/lamps/{id}?mode=bright");
    UriTemplate without = UriTemplate.parse("/lamps/{id}");

    assertThat(Stream.of(without, withQuery).sorted(UriTemplate.MOST_SPECIFIC_FIRST))
        .containsExactly(withQuery, without);
  }

  @Test
  void labelsWithDifferentNamesAtTheSamePositions_areEquallySpecific() {
    Comparator<UriTemplate> order = UriTemplate.MOST_SPECIFIC_FIRST;

    assertThat(order.compare(UriTemplate.parse("/a/{x}"), UriTemplate.parse("/a/{y}"))).isZero();
  }

  @Test
  void requiredQuery_isParsedAndChecked() {
    UriTemplate template = UriTemplate.parse("/lamps/{id}?mode=bright&dim");

    assertThat(template.requiredQuery())
        .containsExactly(Map.entry("mode", "bright"), Map.entry("dim", ""));
    assertThat(template.match("/lamps/7")).contains(Map.of("id", "7"));
    assertThat(template.acceptsQuery(Map.of("mode", List.of("bright"), "dim", List.of(""))))
        .isTrue();
    assertThat(template.acceptsQuery(Map.of("mode", List.of("dark"), "dim", List.of(""))))
        .isFalse();
    assertThat(template.acceptsQuery(Map.of("mode", List.of("bright")))).isFalse();
  }

  @Test
  void labelsAndGreediness_areReported() {
    UriTemplate template = UriTemplate.parse("/a/{first}/b/{rest+}");

    assertThat(template.labels()).containsExactly("first", "rest");
    assertThat(template.isGreedy("rest")).isTrue();
    assertThat(template.isGreedy("first")).isFalse();
    assertThat(template.template()).isEqualTo("/a/{first}/b/{rest+}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "things",
        "/things/{a}{b}",
        "/things/x{a}",
        "/things/{}",
        "/a/{x}/{x}",
        "/{a+}/{b+}",
        "/a/{b"
      })
  void parse_rejectsMalformedTemplates(String template) {
    assertThatIllegalArgumentException().isThrownBy(() -> UriTemplate.parse(template));
  }

  @Test
  void percentDecode_keepsPlusAndRejectsBadEscapes() {
    assertThat(UriTemplate.percentDecode("a+b%2B%E2%82%AC")).isEqualTo(Optional.of("a+b+€"));
    assertThat(UriTemplate.percentDecode("%")).isEmpty();
    assertThat(UriTemplate.percentDecode("%4")).isEmpty();
  }
}

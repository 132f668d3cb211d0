package dev.lamplighter.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic names, filters and matching against AWS IoT's limits (256 bytes, 7 slashes). */
class TopicsTest {
  private final Topics topics = new Topics(256, 7);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lamps",
        "lamps/1/state",
        "a/b/c/d/e/f/g/h",
        "$aws/things/lamp/shadow/update",
        "$aws/rules/ingest/a/b/c/d/e/f/g/h",
        "/leading",
        "trailing/",
        "lamps//state"
      })
  void validTopicNames_areAccepted(String topic) {
    assertThat(topics.checkName(topic)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "lamps/+",
        "lamps/#",
        "a/b/c/d/e/f/g/h/i",
        "$aws/rules/ingest/a/b/c/d/e/f/g/h/i",
        "bad\u0000byte",
        "bad\uFFFDutf8"
      })
  void invalidTopicNames_areRefused(String topic) {
    assertThat(topics.checkName(topic)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "#",
        "+",
        "+/+/state",
        "lamps/#",
        "lamps/+/state",
        "$share/group/lamps/#",
        "$share/group/a/b/c/d/e/f/g/h",
        "$aws/things/+/shadow/#"
      })
  void validTopicFilters_areAccepted(String filter) {
    assertThat(topics.checkFilter(filter)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "lamps/#/state",
        "lamps/x#",
        "lamps/x+/state",
        "$share/group",
        "$share//lamps",
        "$share/group/",
        "$share/gr+up/lamps",
        "a/b/c/d/e/f/g/h/i"
      })
  void invalidTopicFilters_areRefused(String filter) {
    assertThat(topics.checkFilter(filter)).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({
    "lamps/#, lamps, true",
    "lamps/#, lamps/1/state, true",
    "lamps/+/state, lamps/1/state, true",
    "lamps/+/state, lamps/1/2/state, false",
    "lamps/+, lamps, false",
    "+/+, /x, true",
    "#, $SYS/uptime, false",
    "+/uptime, $SYS/uptime, false",
    "$SYS/#, $SYS/uptime, true",
    "lamps/1, lamps/1/, false"
  })
  void topicMatcher_followsMqttRules(String filter, String topic, boolean matches) {
    assertThat(TopicMatcher.matches(filter, topic)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource({
    "lamps/#, lamps, true",
    "lamps/#, lamps/1/state, true",
    "lamps/+/state, lamps/1/state, true",
    "lamps/+/state, lamps/1/2/state, false",
    "lamps/+, lamps, false",
    "+/+, /x, true",
    "#, $SYS/uptime, false",
    "+/uptime, $SYS/uptime, false",
    "$SYS/#, $SYS/uptime, true",
    "lamps/1, lamps/1/, false"
  })
  void subscriptionTree_matchesLikeTheTopicMatcher(String filter, String topic, boolean matches) {
    SubscriptionTree tree = new SubscriptionTree();
    Session session = new Session(new SessionKey("test", "c"), null, () -> 0L, tree, 10, null);
    tree.add(session, Subscription.of(filter, 1, false, false, 0));

    assertThat(tree.match(topic).containsKey(session)).isEqualTo(matches);
  }
}

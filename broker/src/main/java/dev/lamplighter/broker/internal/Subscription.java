package dev.lamplighter.broker.internal;

/**
 * One subscription of a session.
 *
 * @param filter the filter as the client sent it ({@code $share/…} included)
 * @param shareGroup the share name of a shared subscription, or null
 * @param topicFilter the filter matched against topics (without the share prefix)
 * @param qos the granted QoS (0 or 1)
 * @param noLocal MQTT 5: do not deliver the session's own messages
 * @param retainAsPublished MQTT 5: keep the retain flag on live delivery
 * @param retainHandling MQTT 5: 0 send retained messages, 1 only for a new subscription, 2 never
 */
record Subscription(
    String filter,
    String shareGroup,
    String topicFilter,
    int qos,
    boolean noLocal,
    boolean retainAsPublished,
    int retainHandling) {

  static Subscription of(
      String filter, int qos, boolean noLocal, boolean retainAsPublished, int retainHandling) {
    if (filter.startsWith(Topics.SHARE_PREFIX)) {
      int slash = filter.indexOf('/', Topics.SHARE_PREFIX.length());
      return new Subscription(
          filter,
          filter.substring(Topics.SHARE_PREFIX.length(), slash),
          filter.substring(slash + 1),
          qos,
          noLocal,
          retainAsPublished,
          retainHandling);
    }
    return new Subscription(filter, null, filter, qos, noLocal, retainAsPublished, retainHandling);
  }

  boolean shared() {
    return shareGroup != null;
  }
}

package dev.lamplighter.gateway.auth;

import dev.lamplighter.core.tenancy.Scope;

/** The resource ARNs MQTT actions are authorized on, as AWS IoT builds them. */
final class Resources {
  private final String prefix;

  Resources(Scope scope) {
    this.prefix = "arn:aws:iot:" + scope.region().value() + ":" + scope.account().value() + ":";
  }

  /** iot:Connect's resource. */
  String client(String clientId) {
    return prefix + "client/" + clientId;
  }

  /** iot:Publish's and iot:Receive's resource. */
  String topic(String topic) {
    return prefix + "topic/" + topic;
  }

  /** iot:Subscribe's resource. */
  String topicFilter(String filter) {
    return prefix + "topicfilter/" + filter;
  }
}

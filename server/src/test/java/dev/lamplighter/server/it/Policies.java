package dev.lamplighter.server.it;

/** Policy documents the integration tests use. */
final class Policies {
  static final String CONNECT_ANY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}";

  /** The least-privilege policy of the street-light fleet: a thing uses its own topics only. */
  static final String OWN_TOPICS =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "iot:Connect",
           "Resource": "arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}",
           "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}}},
          {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
           "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/lights/${iot:Connection.Thing.ThingName}/*"},
          {"Effect": "Allow", "Action": "iot:Subscribe",
           "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/lights/${iot:Connection.Thing.ThingName}/*"}
        ]
      }
      """;

  /**
   * A device's Jobs over MQTT, as AWS's jobs examples grant it: requests on its own jobs topics,
   * their replies and notifications, and the job-execution events.
   */
  static final String OWN_JOBS =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "iot:Connect",
           "Resource": "arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}"},
          {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
           "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/things/${iot:Connection.Thing.ThingName}/jobs/*"},
          {"Effect": "Allow", "Action": "iot:Subscribe",
           "Resource": [
             "arn:aws:iot:eu-west-1:111122223333:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/jobs/*",
             "arn:aws:iot:eu-west-1:111122223333:topicfilter/$aws/events/jobExecution/*"]},
          {"Effect": "Allow", "Action": "iot:Receive",
           "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/events/jobExecution/*"}
        ]
      }
      """;

  /**
   * A device's shadows over MQTT, as AWS's shadow examples grant it: requests on its own shadow
   * topics (classic and named), their replies, deltas and documents.
   */
  static final String OWN_SHADOWS =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "iot:Connect",
           "Resource": "arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}"},
          {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
           "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*"},
          {"Effect": "Allow", "Action": "iot:Subscribe",
           "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*"}
        ]
      }
      """;

  /** A device hears of tunnels opened to it, as AWS's secure tunneling guide grants it. */
  static final String OWN_TUNNEL_NOTIFICATIONS =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "iot:Connect",
           "Resource": "arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}"},
          {"Effect": "Allow", "Action": "iot:Subscribe",
           "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/tunnels/notify"},
          {"Effect": "Allow", "Action": "iot:Receive",
           "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/$aws/things/${iot:Connection.Thing.ThingName}/tunnels/notify"}
        ]
      }
      """;

  static final String DENY_FIRMWARE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iot:Publish\","
          + "\"Resource\":\"arn:aws:iot:eu-west-1:111122223333:topic/lights/*/firmware\"}]}";

  private Policies() {}
}

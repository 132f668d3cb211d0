package dev.lamplighter.broker.internal;

/** Names of the MQTT listener's pipeline stages, in order. */
final class PipelineNames {
  static final String TLS = "tls";
  static final String FLUSH = "flush-consolidation";
  static final String IDLE = "idle";
  static final String DECODER = "mqtt-decoder";
  static final String ENCODER = "mqtt-encoder";
  static final String CONNECTION = "mqtt-connection";

  private PipelineNames() {}
}

package dev.lamplighter.broker.extension;

/** The MQTT protocol version a client connected with. */
public enum ProtocolVersion {
  MQTT_3_1(3),
  MQTT_3_1_1(4),
  MQTT_5(5);

  private final int level;

  ProtocolVersion(int level) {
    this.level = level;
  }

  /** The protocol level byte of CONNECT. */
  public int level() {
    return level;
  }

  public static ProtocolVersion ofLevel(int level) {
    for (ProtocolVersion version : values()) {
      if (version.level == level) {
        return version;
      }
    }
    throw new IllegalArgumentException("unknown MQTT protocol level " + level);
  }
}

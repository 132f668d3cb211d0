package dev.lamplighter.bench.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mosquitto's configuration for the broker suite, with settings equivalent to Lamplighter's broker:
 * one TLS listener on the loopback interface that requires a client certificate from the bench CA
 * (TLS 1.2 or later, the certificate not used as the user name, so any device of the CA connects
 * with any client id, as the bench policy lets Lamplighter's), persistence on with Mosquitto's
 * default autosave (every 1,800 s, and at shutdown), 100 QoS 1 messages in flight and 100,000
 * queued per client, AWS's defaults that Lamplighter applies. No ACL file: every client may publish
 * and subscribe anywhere, which is what Lamplighter's bench policy allows on {@code bench/*}.
 *
 * @param port the listener's port
 * @param dir where the CA, the server's certificate and key, the persistence file and the log are
 */
record MosquittoConfig(int port, Path dir) {
  static final int MAX_INFLIGHT = 100;
  static final int MAX_QUEUED = 100_000;

  Path caFile() {
    return dir.resolve("ca.pem");
  }

  Path certFile() {
    return dir.resolve("server.pem");
  }

  Path keyFile() {
    return dir.resolve("server.key");
  }

  Path configFile() {
    return dir.resolve("mosquitto.conf");
  }

  /** The text of {@code mosquitto.conf}. */
  String text() {
    List<String> lines = new ArrayList<>();
    lines.add("# Written by the Lamplighter bench (bench/run broker); see MosquittoConfig.java.");
    // Started as root in a container, Mosquitto would switch to the user "mosquitto", which cannot
    // read the run's private directory; root keeps the user it was started with.
    lines.add("user root");
    lines.add("per_listener_settings false");
    lines.add("allow_anonymous true");
    lines.add("persistence true");
    lines.add("persistence_location " + dir + "/");
    lines.add("max_inflight_messages " + MAX_INFLIGHT);
    lines.add("max_queued_messages " + MAX_QUEUED);
    lines.add("log_dest file " + dir.resolve("mosquitto.log"));
    lines.add("");
    lines.add("listener " + port + " 127.0.0.1");
    lines.add("cafile " + caFile());
    lines.add("certfile " + certFile());
    lines.add("keyfile " + keyFile());
    lines.add("require_certificate true");
    lines.add("use_identity_as_username false");
    lines.add("tls_version tlsv1.2");
    return String.join("\n", lines) + "\n";
  }

  /** The settings as one {@code key=value} list for the report. */
  String summary() {
    return "tls=1.2+ require_certificate=true use_identity_as_username=false persistence=true"
        + " autosave_interval=1800s(default) max_inflight_messages="
        + MAX_INFLIGHT
        + " max_queued_messages="
        + MAX_QUEUED
        + " acl=none";
  }
}

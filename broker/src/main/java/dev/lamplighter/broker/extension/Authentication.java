package dev.lamplighter.broker.extension;

import java.util.Objects;

/** The outcome of {@link Authenticator#authenticate}. */
public sealed interface Authentication {

  /**
   * The connection may open.
   *
   * @param namespace the isolation domain of the connection (topics, retained messages, sessions)
   * @param principal who authenticated, for lifecycle events and logs (such as a certificate id)
   * @param authority what the connection may do; asked on every publish, subscribe and delivery
   */
  record Accepted(String namespace, String principal, ConnectionAuthority authority)
      implements Authentication {
    public Accepted {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(authority, "authority");
    }
  }

  /**
   * The connection is refused.
   *
   * @param reason the refusal, which the broker maps to the CONNACK code
   * @param detail why, for the broker's event log (never sent to the client)
   */
  record Refused(ConnectRefusal reason, String detail) implements Authentication {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  static Authentication accepted(
      String namespace, String principal, ConnectionAuthority authority) {
    return new Accepted(namespace, principal, authority);
  }

  static Authentication refused(ConnectRefusal reason, String detail) {
    return new Refused(reason, detail);
  }
}

package dev.lamplighter.gateway.auth;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Objects;

/**
 * A connection the authenticator accepted: who it is, and the authority the broker asks about its
 * messages.
 */
public final class LiveConnection {
  private final String namespace;
  private final Scope scope;
  private final String certificateId;
  private final String clientId;
  private final String sourceIp;
  private final PolicyAuthority authority;
  private volatile String sessionId;

  LiveConnection(
      String namespace,
      Scope scope,
      String certificateId,
      String clientId,
      String sourceIp,
      PolicyAuthority authority) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.certificateId = Objects.requireNonNull(certificateId, "certificateId");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.sourceIp = sourceIp;
    this.authority = Objects.requireNonNull(authority, "authority");
  }

  public String namespace() {
    return namespace;
  }

  public Scope scope() {
    return scope;
  }

  public String certificateId() {
    return certificateId;
  }

  public String clientId() {
    return clientId;
  }

  /** The client's IP address, {@code aws:SourceIp} in its policies, or null when unknown. */
  public String sourceIp() {
    return sourceIp;
  }

  /** The broker's session id once it reported the connection open, else null. */
  public String sessionId() {
    return sessionId;
  }

  PolicyAuthority authority() {
    return authority;
  }

  void opened(String session) {
    this.sessionId = session;
  }

  @Override
  public String toString() {
    return namespace + "/" + clientId + " (" + certificateId + ")";
  }
}

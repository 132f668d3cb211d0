package dev.lamplighter.gateway.auth;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.auth.ConnectionCheck.Allowed;
import dev.lamplighter.gateway.auth.ConnectionCheck.Denied;
import dev.lamplighter.gateway.auth.ConnectionCheck.Verdict;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps live connections' rights current by following the change log (a {@link ChangeFollower}),
 * from the head of the log at start (connections opened before start do not exist yet).
 *
 * <p>An entry about a policy (a new default version, an attachment), a certificate (status, thing
 * attachment), a CA certificate, a thing (attributes, type) or a thing group (membership, parent)
 * makes every live connection of its scope stale: which connections an entry affects is not cheap
 * to know exactly (a group's policy reaches the things of its descendants) and such changes are
 * rare next to messages. A thing's connects and disconnects (kinds CONNECTED and DISCONNECTED)
 * change no one's rights and are far from rare, so they make nothing stale. Each stale connection
 * is checked again off the event loop; its new policies are swapped in atomically, or, when it no
 * longer passes (certificate not ACTIVE, CA untrusted, iot:Connect denied), its rights are revoked
 * and the {@link Disconnector} closes it.
 */
public final class RegistryChangeFollower implements ChangeFollower.Consumer, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryChangeFollower.class);
  private static final Set<ResourceType> RELEVANT =
      EnumSet.of(
          ResourceType.POLICY,
          ResourceType.CERTIFICATE,
          ResourceType.CA_CERTIFICATE,
          ResourceType.THING,
          ResourceType.THING_GROUP);

  /** Entries of relevant types that still change no one's rights. */
  private static final Set<ChangeKind> IRRELEVANT_KINDS =
      EnumSet.of(ChangeKind.CONNECTED, ChangeKind.DISCONNECTED);

  /** Acts on a live connection whose rights changed. */
  public interface Disconnector {
    /** Closes a connection that may no longer be open. */
    void disconnect(LiveConnection connection);

    /** The connection stays, with new rights: it loses the subscriptions they no longer allow. */
    default void rightsChanged(LiveConnection connection) {}
  }

  private final ChangeLog log;
  private final LiveConnections connections;
  private final ConnectionCheck check;
  private final Disconnector disconnector;
  private final Duration pollInterval;
  private ChangeFollower follower;

  RegistryChangeFollower(
      ChangeLog log,
      LiveConnections connections,
      ConnectionCheck check,
      Disconnector disconnector,
      Duration pollInterval) {
    this.log = log;
    this.connections = connections;
    this.check = check;
    this.disconnector = disconnector;
    this.pollInterval = pollInterval;
  }

  /** Positions the follower at the head of the log and starts its thread. */
  void start() {
    startAtHead();
    follower.start();
  }

  /** Positions the follower at the head of the log without starting the thread (tests poll). */
  void startAtHead() {
    follower =
        ChangeFollower.fromHead(
            log, ChangeFollower.Settings.of("gateway-registry-follower", pollInterval), this);
  }

  /** The sequence of the last entry read. */
  long position() {
    return follower.position();
  }

  /**
   * Reads what follows in the log and refreshes the connections of the scopes it touched, on the
   * calling thread (tests).
   *
   * @return how many entries were read
   */
  int poll() {
    return follower.pollOnce();
  }

  /** Refreshes the connections of the scopes the batch touched. */
  @Override
  public void apply(List<ChangeEvent> batch) {
    Set<Scope> stale = new LinkedHashSet<>();
    for (ChangeEvent event : batch) {
      if (RELEVANT.contains(event.type()) && !IRRELEVANT_KINDS.contains(event.kind())) {
        stale.add(event.scope());
      }
    }
    for (Scope scope : stale) {
      connections.changed(scope);
      for (LiveConnection connection : connections.inScope(scope)) {
        refresh(connection);
      }
    }
  }

  private void refresh(LiveConnection connection) {
    Verdict verdict;
    try {
      verdict =
          check.recheck(
              connection.scope(),
              connection.certificateId(),
              connection.clientId(),
              connection.sourceIp());
    } catch (RuntimeException e) {
      // Keep the old rights: closing every connection of a scope on a storage hiccup would be
      // worse than a few more messages under rights that are probably still right.
      LOG.error("Checking [{}] again failed; its rights are unchanged", connection, e);
      return;
    }
    if (verdict instanceof Allowed allowed) {
      connection.authority().replace(allowed.policies());
      disconnector.rightsChanged(connection);
    } else if (!connection.authority().revoked()) {
      connection.authority().revoke();
      LOG.info("Closing [{}]: {}", connection, ((Denied) verdict).detail());
      connections.remove(connection);
      disconnector.disconnect(connection);
    }
  }

  @Override
  public void close() {
    if (follower != null) {
      follower.close();
    }
  }
}

package dev.lamplighter.tunnels.spi;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.List;
import java.util.Optional;

/**
 * Tunnels, one row each, closed ones included until deleted. Access tokens are found by their hash
 * over all scopes: a relay client presents a token and nothing else.
 */
public interface TunnelRepository {

  /**
   * Inserts a new tunnel.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when the id or a
   *     token hash is taken
   */
  void insert(Scope scope, StoredTunnel tunnel);

  Optional<StoredTunnel> find(Scope scope, String tunnelId);

  /** The tunnel one of whose sides' current token has this hash, in whichever scope. */
  Optional<ScopedTunnel> findByTokenHash(String tokenHash);

  /** The tunnels one of whose sides is bound to this client token, in whichever scope. */
  List<ScopedTunnel> findByClientToken(String clientToken);

  /**
   * Writes {@code next} at version {@code expectedVersion + 1} if the stored row is still at {@code
   * expectedVersion} ({@code next.version()} is not read): the compare-and-set that lets exactly
   * one of two racing writers (two nodes admitting the same token) win. The id and creation time
   * are not changed.
   *
   * @return false when the row changed or went since it was read; nothing is written then
   */
  boolean update(Scope scope, StoredTunnel next, long expectedVersion);

  /** Removes the tunnel; false when there was none. */
  boolean delete(Scope scope, String tunnelId);

  /**
   * The scope's tunnels, newest first (by creation time, then id, both descending), optionally only
   * those whose destination is {@code thingName}. The cursor is {@link #cursorOf} of the last
   * tunnel of the previous page.
   */
  Page<StoredTunnel> list(Scope scope, Optional<String> thingName, PageRequest page);

  /** The paging cursor of a tunnel: its creation time and id. */
  static String cursorOf(StoredTunnel tunnel) {
    return tunnel.createdAt() + "|" + tunnel.tunnelId();
  }
}

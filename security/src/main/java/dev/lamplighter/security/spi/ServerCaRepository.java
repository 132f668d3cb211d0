package dev.lamplighter.security.spi;

import java.util.Optional;

/** Storage of the server's own CA and TLS certificate (one of each for the whole server). */
public interface ServerCaRepository {

  Optional<StoredServerCa> find();

  /**
   * Stores the CA once.
   *
   * @return false when another node stored one first (the caller then uses that one)
   */
  boolean insertIfAbsent(StoredServerCa ca);

  Optional<StoredServerCertificate> findServerCertificate();

  /** Stores the TLS certificate, replacing the previous one (renewal). */
  void putServerCertificate(StoredServerCertificate certificate);
}

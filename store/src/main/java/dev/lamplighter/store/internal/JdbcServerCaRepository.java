package dev.lamplighter.store.internal;

import dev.lamplighter.security.spi.ServerCaRepository;
import dev.lamplighter.security.spi.StoredServerCa;
import dev.lamplighter.security.spi.StoredServerCertificate;
import java.util.Optional;

/**
 * The server's own CA and TLS certificate, each a single row (its id column is always 1). Nodes
 * that start at once race to create the CA: {@link #insertIfAbsent} inserts with {@code ON CONFLICT
 * DO NOTHING}, so on PostgreSQL the later insert waits on the row's key until the first transaction
 * ends, and then inserts nothing if it committed. Exactly one node's CA is stored.
 */
final class JdbcServerCaRepository implements ServerCaRepository {
  private static final String FIND_CA =
      "SELECT root_pem, issuing_pem, sealed_root_key, sealed_issuing_key, created_at"
          + " FROM server_ca WHERE id = 1";
  private static final String INSERT_CA =
      "INSERT INTO server_ca"
          + " (id, root_pem, issuing_pem, sealed_root_key, sealed_issuing_key, created_at)"
          + " VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
  private static final String FIND_CERTIFICATE =
      "SELECT chain_pem, sealed_key, host_names, not_after FROM server_certificate WHERE id = 1";
  private static final String PUT_CERTIFICATE =
      "INSERT INTO server_certificate (id, chain_pem, sealed_key, host_names, not_after)"
          + " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET chain_pem = excluded.chain_pem,"
          + " sealed_key = excluded.sealed_key, host_names = excluded.host_names,"
          + " not_after = excluded.not_after";

  private final Jdbc jdbc;

  JdbcServerCaRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<StoredServerCa> find() {
    return jdbc.read(
        "The server CA",
        connection ->
            Jdbc.queryOne(
                connection,
                FIND_CA,
                row ->
                    new StoredServerCa(
                        row.getString("root_pem"),
                        row.getString("issuing_pem"),
                        row.getBytes("sealed_root_key"),
                        row.getBytes("sealed_issuing_key"),
                        Instants.parse(row.getString("created_at")))));
  }

  @Override
  public boolean insertIfAbsent(StoredServerCa ca) {
    return jdbc.write(
        "The server CA",
        connection ->
            Jdbc.update(
                    connection,
                    INSERT_CA,
                    ca.rootPem(),
                    ca.issuingPem(),
                    ca.sealedRootKey(),
                    ca.sealedIssuingKey(),
                    Instants.format(ca.createdAt()))
                > 0);
  }

  @Override
  public Optional<StoredServerCertificate> findServerCertificate() {
    return jdbc.read(
        "The server certificate",
        connection ->
            Jdbc.queryOne(
                connection,
                FIND_CERTIFICATE,
                row ->
                    new StoredServerCertificate(
                        row.getString("chain_pem"),
                        row.getBytes("sealed_key"),
                        row.getString("host_names"),
                        Instants.parse(row.getString("not_after")))));
  }

  @Override
  public void putServerCertificate(StoredServerCertificate certificate) {
    jdbc.write(
        "The server certificate",
        connection ->
            Jdbc.update(
                connection,
                PUT_CERTIFICATE,
                certificate.chainPem(),
                certificate.sealedKey(),
                certificate.hostNames(),
                Instants.format(certificate.notAfter())));
  }
}

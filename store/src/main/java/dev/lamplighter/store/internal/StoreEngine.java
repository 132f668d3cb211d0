package dev.lamplighter.store.internal;

import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tx.Transactions;
import dev.lamplighter.index.spi.IndexPorts;
import dev.lamplighter.jobs.spi.JobsPorts;
import dev.lamplighter.registry.spi.RegistryPorts;
import dev.lamplighter.security.spi.SecurityPorts;
import dev.lamplighter.shadow.spi.ShadowPorts;
import dev.lamplighter.store.StoreConfig;
import dev.lamplighter.tunnels.spi.TunnelPorts;
import java.time.Clock;
import java.util.Objects;

/**
 * Wires one store: the dialect's connections (opened and migrated), the transactions, the change
 * log and every repository. {@link dev.lamplighter.store.Store} is its public face.
 */
public final class StoreEngine implements AutoCloseable {
  private final ConnectionSource source;
  private final JdbcTransactions transactions;
  private final JdbcChangeLog changeLog;
  private final RegistryPorts registryPorts;
  private final SecurityPorts securityPorts;
  private final IndexPorts indexPorts;
  private final JobsPorts jobsPorts;
  private final ShadowPorts shadowPorts;
  private final TunnelPorts tunnelPorts;

  private StoreEngine(ConnectionSource source, Clock clock) {
    this.source = source;
    this.transactions = new JdbcTransactions(source, new ChangeLogWriter(source.dialect(), clock));
    Jdbc jdbc = new Jdbc(transactions, source);
    this.changeLog = new JdbcChangeLog(transactions, jdbc);
    this.registryPorts =
        new RegistryPorts(
            transactions,
            changeLog,
            new JdbcThingRepository(jdbc),
            new JdbcThingTypeRepository(jdbc),
            new JdbcTagRepository(jdbc),
            new JdbcThingGroupRepository(jdbc),
            new JdbcThingGroupMembershipRepository(jdbc),
            new JdbcDynamicThingGroupMembershipRepository(jdbc),
            new JdbcBillingGroupRepository(jdbc),
            new JdbcThingConnectivityRepository(jdbc),
            new JdbcEventConfigurationRepository(jdbc));
    this.securityPorts =
        new SecurityPorts(
            transactions,
            changeLog,
            new JdbcAccountRepository(jdbc),
            new JdbcCertificateRepository(jdbc),
            new JdbcCaCertificateRepository(jdbc),
            new JdbcRegistrationCodeRepository(jdbc),
            new JdbcPolicyRepository(jdbc),
            new JdbcPolicyAttachmentRepository(jdbc),
            new JdbcThingPrincipalRepository(jdbc),
            new JdbcServerCaRepository(jdbc));
    this.indexPorts =
        new IndexPorts(transactions, changeLog, new JdbcIndexingConfigurationRepository(jdbc));
    this.jobsPorts =
        new JobsPorts(
            transactions,
            changeLog,
            new JdbcJobRepository(jdbc),
            new JdbcJobExecutionRepository(jdbc),
            new JdbcJobTemplateRepository(jdbc),
            new JdbcEngineStateRepository(jdbc));
    this.shadowPorts = new ShadowPorts(transactions, changeLog, new JdbcShadowRepository(jdbc));
    this.tunnelPorts = new TunnelPorts(transactions, changeLog, new JdbcTunnelRepository(jdbc));
  }

  public static StoreEngine open(StoreConfig config, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    ConnectionSource source =
        config.isPostgres() ? PostgresConnections.open(config) : SqliteConnections.open(config);
    return new StoreEngine(source, clock);
  }

  public Transactions transactions() {
    return transactions;
  }

  public ChangeLog changeLog() {
    return changeLog;
  }

  public RegistryPorts registryPorts() {
    return registryPorts;
  }

  public SecurityPorts securityPorts() {
    return securityPorts;
  }

  public IndexPorts indexPorts() {
    return indexPorts;
  }

  public JobsPorts jobsPorts() {
    return jobsPorts;
  }

  public ShadowPorts shadowPorts() {
    return shadowPorts;
  }

  public TunnelPorts tunnelPorts() {
    return tunnelPorts;
  }

  public String dialectName() {
    return source.dialect().name();
  }

  @Override
  public void close() {
    source.close();
  }
}

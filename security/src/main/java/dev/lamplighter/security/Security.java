package dev.lamplighter.security;

import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.security.authorization.PolicyService;
import dev.lamplighter.security.certificates.CaCertificateService;
import dev.lamplighter.security.certificates.CertificateService;
import dev.lamplighter.security.internal.AccountServiceImpl;
import dev.lamplighter.security.internal.CaCertificateServiceImpl;
import dev.lamplighter.security.internal.CertificateServiceImpl;
import dev.lamplighter.security.internal.PolicyResolver;
import dev.lamplighter.security.internal.PolicyServiceImpl;
import dev.lamplighter.security.internal.ServerCaStore;
import dev.lamplighter.security.internal.ServerTlsStore;
import dev.lamplighter.security.internal.ThingPrincipalServiceImpl;
import dev.lamplighter.security.pki.CertificateAuthority;
import dev.lamplighter.security.principals.ThingPrincipalService;
import dev.lamplighter.security.spi.SecurityPorts;
import dev.lamplighter.security.spi.StoredServerCertificate;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The security module's services, wired to a store, the master key and the registry.
 *
 * <p>The server's CA is loaded (or, on the first start, created — two RSA keys, which takes a
 * second or two) in the background once {@link #startCertificateAuthority} is called, so the server
 * is ready at once; the operations that need it wait for it. Admin commands that never need it
 * never load it.
 */
public final class Security {
  private final AccountService accounts;
  private CompletableFuture<CertificateAuthority> ca;
  private final CertificateService certificates;
  private final CaCertificateService caCertificates;
  private final PolicyService policies;
  private final ThingPrincipalService principals;
  private final SecurityPorts ports;
  private final SecretCipher cipher;
  private final Clock clock;
  private final SecureRandom random;

  private Security(
      SecurityPorts ports,
      MasterKey masterKey,
      Clock clock,
      IdSource ids,
      SecureRandom random,
      Registry registry) {
    this.ports = ports;
    this.clock = clock;
    this.random = random;
    this.cipher = SecretCipher.forSecretsAtRest(masterKey);
    this.accounts = new AccountServiceImpl(ports, cipher, clock, ids);
    this.certificates = new CertificateServiceImpl(ports, this::certificateAuthority, clock);
    this.caCertificates = new CaCertificateServiceImpl(ports, registry.tags(), clock, ids);
    this.policies =
        new PolicyServiceImpl(
            ports,
            registry.tags(),
            new PolicyResolver(ports, registry.things(), registry.thingGroups(), clock),
            clock);
    this.principals = new ThingPrincipalServiceImpl(ports, registry.things(), clock);
  }

  public static Security create(
      SecurityPorts ports,
      MasterKey masterKey,
      Clock clock,
      IdSource ids,
      SecureRandom random,
      Registry registry) {
    return new Security(ports, masterKey, clock, ids, random, registry);
  }

  public AccountService accounts() {
    return accounts;
  }

  public CertificateService certificates() {
    return certificates;
  }

  public CaCertificateService caCertificates() {
    return caCertificates;
  }

  public PolicyService policies() {
    return policies;
  }

  public ThingPrincipalService principals() {
    return principals;
  }

  /** Starts loading (or creating) the server's CA in the background; later calls do nothing. */
  public synchronized CompletableFuture<CertificateAuthority> startCertificateAuthority() {
    if (ca == null) {
      ca =
          CompletableFuture.supplyAsync(
              () -> ServerCaStore.loadOrCreate(ports.serverCa(), cipher, clock, random));
    }
    return ca;
  }

  /** The server's CA, waiting for it on the first start. */
  public CertificateAuthority certificateAuthority() {
    try {
      return startCertificateAuthority().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Runs {@code then} with the CA once it is ready, on a background thread. */
  public CompletableFuture<Void> whenCaReady(Consumer<CertificateAuthority> then) {
    return startCertificateAuthority().thenAccept(then);
  }

  /**
   * The server's TLS certificate for {@code hostNames}, issued (or re-issued when the names changed
   * or it nears expiry) by the server's CA.
   */
  public StoredServerCertificate serverCertificate(List<String> hostNames) {
    return ServerTlsStore.ensure(
        ports.serverCa(), certificateAuthority(), cipher, hostNames, clock, random);
  }

  /**
   * The server's TLS identity for {@code hostNames}: the certificate of {@link #serverCertificate}
   * with its private key opened under the master key.
   */
  public ServerTlsIdentity serverTlsIdentity(List<String> hostNames) {
    return ServerTlsStore.open(serverCertificate(hostNames), cipher);
  }
}

package dev.lamplighter.bench.fleet;

import dev.lamplighter.bench.broker.BrokerPki;
import dev.lamplighter.bench.broker.DeviceKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateCertificateFromCsrResponse;

/**
 * Registers devices through the AWS SDK as a fleet's provisioning would: per device CreateThing,
 * CreateCertificateFromCsr for a P-256 key made here (every device its own certificate, signed by
 * the server's CA), AttachPolicy of the suite's policy to the certificate and AttachThingPrincipal,
 * then whatever else the suite needs ({@link ThingStep}).
 */
public final class DeviceRegistration {
  /** A suite's own call for each registered thing, such as adding it to a group. */
  @FunctionalInterface
  public interface ThingStep {
    void after(IotClient iot, String thing);
  }

  private DeviceRegistration() {}

  /**
   * Registers the things {@code names} with {@code policy}, {@code concurrency} at once, each with
   * its calls in turn; their credentials in the order of the names.
   */
  public static List<DeviceKeys.Credential> register(
      IotClient iot, List<String> names, String policy, int concurrency, ThingStep then)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<DeviceKeys.Credential>> futures = new ArrayList<>(names.size());
      for (String name : names) {
        futures.add(
            pool.submit(
                () -> {
                  iot.createThing(b -> b.thingName(name));
                  DeviceKeys.Credential credential = certificate(iot, name, policy, true);
                  then.after(iot, name);
                  return credential;
                }));
      }
      List<DeviceKeys.Credential> credentials = new ArrayList<>(names.size());
      for (Future<DeviceKeys.Credential> future : futures) {
        try {
          credentials.add(future.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("registering a device failed", e.getCause());
        }
      }
      return credentials;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A new active certificate for a P-256 key made here (CSR subject {@code CN=name}), with {@code
   * policy} attached; attached to the thing {@code name} too when {@code thing} is set.
   */
  public static DeviceKeys.Credential certificate(
      IotClient iot, String name, String policy, boolean thing) {
    KeyPair keys = BrokerPki.p256();
    String csr = BrokerPki.csrPem(keys, name);
    CreateCertificateFromCsrResponse created =
        iot.createCertificateFromCsr(b -> b.certificateSigningRequest(csr).setAsActive(true));
    iot.attachPolicy(b -> b.policyName(policy).target(created.certificateArn()));
    if (thing) {
      iot.attachThingPrincipal(b -> b.thingName(name).principal(created.certificateArn()));
    }
    return new DeviceKeys.Credential(
        created.certificatePem(), BrokerPki.privateKeyPem(keys.getPrivate()));
  }

  /** The server's root CA certificate (PEM), which the devices trust. */
  public static String rootCa(URI api) throws InterruptedException {
    try {
      HttpResponse<String> ca =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(api.resolve("/root-ca.pem")).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (ca.statusCode() != 200) {
        throw new IllegalStateException("GET /root-ca.pem answered " + ca.statusCode());
      }
      return ca.body();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the server's root CA", e);
    }
  }
}

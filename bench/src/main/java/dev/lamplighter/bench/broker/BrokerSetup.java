package dev.lamplighter.bench.broker;

import dev.lamplighter.bench.BenchCredentials;
import dev.lamplighter.bench.StandardOutput;
import dev.lamplighter.bench.fleet.ControlPlaneClient;
import dev.lamplighter.bench.fleet.DeviceRegistration;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Prepares one broker's TLS material in a directory, in the layout {@link DeviceKeys} reads: the CA
 * the devices trust ({@code ca.pem}) and {@code client-N.pem} / {@code client-N.key} for each
 * device certificate. Usage:
 *
 * <pre>
 * BrokerSetup lamplighter API_URL DIR CERTIFICATES
 * BrokerSetup mosquitto DIR CERTIFICATES
 * </pre>
 *
 * <p>For Lamplighter, through the AWS SDK for Java v2 with the bench's root credentials: the policy
 * {@value #POLICY_NAME} ({@link #policyDocument}), and per device a P-256 key whose CSR
 * CreateCertificateFromCsr turns into an active certificate, with the policy attached; the CA is
 * the server's {@code /root-ca.pem}. For Mosquitto: a CA, a server certificate and the devices'
 * client certificates made here, and {@code mosquitto.conf} on a free port, which is printed.
 */
public final class BrokerSetup {
  static final String POLICY_NAME = "bench-broker";

  private BrokerSetup() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("lamplighter")) {
      lamplighter(URI.create(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
    } else if (args.length == 3 && args[0].equals("mosquitto")) {
      mosquitto(Path.of(args[1]), Integer.parseInt(args[2]));
    } else {
      throw new IllegalArgumentException(
          "usage: BrokerSetup lamplighter API_URL DIR CERTIFICATES"
              + " | BrokerSetup mosquitto DIR CERTIFICATES");
    }
  }

  /**
   * The bench policy: connect as any {@code bench-*} client id, publish, receive and subscribe on
   * {@code bench/*}; nothing else.
   */
  static String policyDocument(String region, String account) {
    String arn = "arn:aws:iot:" + region + ":" + account + ":";
    return """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": "iot:Connect", "Resource": "%sclient/bench-*"},
            {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
             "Resource": "%stopic/bench/*"},
            {"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "%stopicfilter/bench/*"}
          ]
        }
        """
        .replace("%s", arn);
  }

  private static void lamplighter(URI api, Path dir, int certificates) throws Exception {
    Files.createDirectories(dir);
    write(dir.resolve("ca.pem"), DeviceRegistration.rootCa(api));
    try (IotClient iot = ControlPlaneClient.of(api, 50)) {
      iot.createPolicy(
          b ->
              b.policyName(POLICY_NAME)
                  .policyDocument(
                      policyDocument(BenchCredentials.REGION, BenchCredentials.ACCOUNT_ID)));
      for (int i = 0; i < certificates; i++) {
        DeviceKeys.Credential credential =
            DeviceRegistration.certificate(iot, "bench-device-" + i, POLICY_NAME, false);
        write(dir.resolve("client-" + i + ".pem"), credential.certificatePem());
        write(dir.resolve("client-" + i + ".key"), credential.privateKeyPem());
      }
    }
  }

  private static void mosquitto(Path dir, int certificates) throws IOException {
    Files.createDirectories(dir);
    BrokerPki.Issued ca = BrokerPki.ca("Mosquitto bench CA");
    BrokerPki.Issued server = BrokerPki.server(ca);
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    MosquittoConfig config = new MosquittoConfig(port, dir);
    write(config.caFile(), ca.certificatePem());
    write(config.certFile(), server.certificatePem());
    write(config.keyFile(), server.privateKeyPem());
    for (int i = 0; i < certificates; i++) {
      BrokerPki.Issued client = BrokerPki.client(ca, BrokerPki.p256(), "bench-device-" + i);
      write(dir.resolve("client-" + i + ".pem"), client.certificatePem());
      write(dir.resolve("client-" + i + ".key"), client.privateKeyPem());
    }
    write(config.configFile(), config.text());
    StandardOutput.println(Integer.toString(port));
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }
}

package dev.lamplighter.api;

import dev.lamplighter.core.config.Setting;
import dev.lamplighter.core.config.Settings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The host names DescribeEndpoint answers, per endpoint type. AWS answers a host name without a
 * port; devices use the server's MQTT port (8883 by default) and HTTPS clients its API port.
 */
public record Endpoints(Map<String, String> addressesByType) {
  public static final Setting<String> HOST =
      Setting.text(
          "endpoint-host",
          "localhost",
          "Host name that DescribeEndpoint answers for every endpoint type not set on its own");
  public static final Setting<String> DATA_HOST =
      Setting.text(
          "data-endpoint-host", null, "Host name for iot:Data-ATS and iot:Data (device traffic)");
  public static final Setting<String> JOBS_HOST =
      Setting.text("jobs-endpoint-host", null, "Host name for iot:Jobs");
  public static final Setting<String> CREDENTIAL_PROVIDER_HOST =
      Setting.text(
          "credential-provider-endpoint-host", null, "Host name for iot:CredentialProvider");

  /** The type AWS assumes when DescribeEndpoint names none (the legacy data endpoint). */
  public static final String DEFAULT_TYPE = "iot:Data";

  public Endpoints {
    addressesByType = Map.copyOf(addressesByType);
  }

  public static List<Setting<?>> settings() {
    return List.of(HOST, DATA_HOST, JOBS_HOST, CREDENTIAL_PROVIDER_HOST);
  }

  public static Endpoints from(Settings settings) {
    String host = settings.get(HOST);
    String data = settings.find(DATA_HOST).orElse(host);
    return new Endpoints(
        Map.of(
            "iot:data-ats",
            data,
            "iot:data",
            data,
            "iot:jobs",
            settings.find(JOBS_HOST).orElse(host),
            "iot:credentialprovider",
            settings.find(CREDENTIAL_PROVIDER_HOST).orElse(host)));
  }

  /** The address for an endpoint type, matched without regard to case as AWS does. */
  public Optional<String> address(String endpointType) {
    return Optional.ofNullable(addressesByType.get(endpointType.toLowerCase(Locale.ROOT)));
  }
}

package dev.lamplighter.api;

import dev.lamplighter.core.config.Setting;
import dev.lamplighter.core.config.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the control-plane API.
 *
 * @param maxRequestBytes the largest request body accepted; larger ones get
 *     RequestEntityTooLargeException
 * @param endpoints the host names DescribeEndpoint answers
 */
public record ApiConfig(int maxRequestBytes, Endpoints endpoints) {
  public static final Setting<Integer> MAX_REQUEST_BYTES =
      Setting.integer(
          "max-request-bytes",
          1024 * 1024,
          1024,
          64 * 1024 * 1024,
          "Largest request body the API accepts, in bytes");

  public static List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>(List.of(MAX_REQUEST_BYTES));
    all.addAll(Endpoints.settings());
    return all;
  }

  public static ApiConfig from(Settings settings) {
    return new ApiConfig(settings.get(MAX_REQUEST_BYTES), Endpoints.from(settings));
  }
}

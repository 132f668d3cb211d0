package dev.lamplighter.api.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request metrics: a latency histogram per operation and HTTP status, exported as {@code
 * lamplighter_api_requests_seconds}. Timers are cached because building one per request would cost
 * more than the measurement.
 */
public final class ApiMetrics {
  static final String UNKNOWN_OPERATION = "unknown";
  private static final String NAME = "lamplighter.api.requests";

  private final MeterRegistry registry;
  private final Map<String, Map<Integer, Timer>> timers = new ConcurrentHashMap<>();

  public ApiMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String operation, int status, long nanos) {
    timers
        .computeIfAbsent(operation, key -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, key -> timer(operation, status))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String operation, int status) {
    return Timer.builder(NAME)
        .description("AWS API requests by operation and HTTP status")
        .tag("operation", operation)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }
}

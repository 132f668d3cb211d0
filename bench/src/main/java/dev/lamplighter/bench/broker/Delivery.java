package dev.lamplighter.bench.broker;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.lamplighter.bench.load.ProcessCpu;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** What the message scenarios share: subscribing, waiting for deliveries, the broker's CPU. */
final class Delivery {
  static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(15);

  private Delivery() {}

  /** Subscribes {@code client} to {@code filter} at QoS 1, each message to {@code onMessage}. */
  static void subscribe(Mqtt3AsyncClient client, String filter, Consumer<Mqtt3Publish> onMessage) {
    client
        .subscribeWith()
        .topicFilter(filter)
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(onMessage)
        .send()
        .orTimeout(30, TimeUnit.SECONDS)
        .join()
        .getReturnCodes()
        .forEach(
            code -> {
              if (code.isError()) {
                throw new IllegalStateException("SUBACK refused " + filter + ": " + code);
              }
            });
  }

  /**
   * Waits until {@code received} reaches {@code expected}, or nothing arrived for 15 s (messages
   * lost, or the broker stalled). Returns whether everything arrived.
   */
  static boolean await(AtomicLong received, long expected) throws InterruptedException {
    long seen = received.get();
    long lastProgress = System.nanoTime();
    while (seen < expected) {
      Thread.sleep(20);
      long now = received.get();
      if (now != seen) {
        seen = now;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
        return false;
      }
    }
    return true;
  }

  /** The broker's CPU time so far in ms (NaN when unknown), from /proc/PID/stat. */
  static LongSupplier cpuMillis(OptionalLong pid) {
    if (pid.isEmpty()) {
      return () -> -1;
    }
    ProcessCpu cpu = ProcessCpu.of(pid.getAsLong());
    return () -> cpu.total().map(Duration::toMillis).orElse(-1L);
  }
}

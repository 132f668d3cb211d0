package dev.lamplighter.bench.broker;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One QoS 1 publish of the load generator: the permit taken from {@code inflight} is given back
 * when the PUBACK (or a failure) arrives, and failures are counted, the first one kept.
 */
final class QosOnePublish {
  private QosOnePublish() {}

  static void send(
      Mqtt3AsyncClient publisher,
      String topic,
      byte[] payload,
      Semaphore inflight,
      AtomicLong errors,
      AtomicReference<String> firstError) {
    publisher
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload)
        .send()
        .whenComplete(
            (ack, error) -> {
              inflight.release();
              if (error != null) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, String.valueOf(error));
              }
            });
  }
}

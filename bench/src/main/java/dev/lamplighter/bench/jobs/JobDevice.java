package dev.lamplighter.bench.jobs;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated device: a thing connected over MQTT 3.1.1 with its own certificate, taking jobs as
 * AWS's jobs examples do. On {@code notify-next} with an execution it publishes {@code start-next};
 * on {@code start-next/accepted} with an execution it publishes {@code {jobId}/update} with status
 * SUCCEEDED and the version it was told; {@code {jobId}/update/accepted} ends its part. Every reply
 * or notification is counted in the job's {@link JobRound}; rejections are counted there with the
 * first one's code. Messages on the peers' topics go to the board's {@link Deliveries}.
 *
 * <p>Threading: the MQTT client calls back on its own threads; the counters are thread-safe and a
 * device starts each job once, however many notifications name it.
 */
final class JobDevice {
  private final String thing;
  private final String prefix;
  private final Mqtt3AsyncClient client;
  private final JobBoard board;
  private final Set<String> startedJobs = ConcurrentHashMap.newKeySet();

  JobDevice(String thing, Mqtt3AsyncClient client, JobBoard board) {
    this.thing = thing;
    this.prefix = "$aws/things/" + thing + "/jobs/";
    this.client = client;
    this.board = board;
  }

  Mqtt3AsyncClient client() {
    return client;
  }

  /**
   * Subscribes at QoS 1, in one SUBSCRIBE, to {@code notify-next}, {@code start-next/accepted} and
   * {@code /rejected}, each job's {@code update/accepted} and {@code /rejected}, and the peers'
   * topics; completes when every filter was granted.
   */
  CompletableFuture<Void> subscribe(List<String> jobIds) {
    List<String> filters = new ArrayList<>();
    filters.add(prefix + "notify-next");
    filters.add(prefix + "start-next/accepted");
    filters.add(prefix + "start-next/rejected");
    for (String jobId : jobIds) {
      filters.add(prefix + jobId + "/update/accepted");
      filters.add(prefix + jobId + "/update/rejected");
    }
    filters.add(JobsNames.FAN_OUT_TOPIC);
    filters.add(JobsNames.deviceTopic(thing));
    List<Mqtt3Subscription> subscriptions = new ArrayList<>();
    for (String filter : filters) {
      subscriptions.add(
          Mqtt3Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build());
    }
    return client
        .subscribe(
            Mqtt3Subscribe.builder().addSubscriptions(subscriptions).build(), this::onMessage)
        .thenAccept(
            ack ->
                ack.getReturnCodes()
                    .forEach(
                        code -> {
                          if (code.isError()) {
                            throw new IllegalStateException(
                                thing + ": SUBACK refused a filter: " + ack.getReturnCodes());
                          }
                        }));
  }

  private void onMessage(Mqtt3Publish message) {
    long now = System.nanoTime();
    String topic = message.getTopic().toString();
    byte[] payload = message.getPayloadAsBytes();
    if (!topic.startsWith(prefix)) {
      board.peer().received(now);
      return;
    }
    String rest = topic.substring(prefix.length());
    switch (rest) {
      case "notify-next" -> onNotifyNext(payload, now);
      case "start-next/accepted" -> onStarted(payload);
      case "start-next/rejected" -> {
        // The job is not named in the topic: the rejection counts for the job running now.
        JobRound round = board.current();
        if (round != null) {
          round.rejected(thing + " start-next " + JobMessages.rejectionCode(payload));
        }
      }
      default -> onUpdateReply(rest, payload, now);
    }
  }

  private void onNotifyNext(byte[] payload, long now) {
    JobMessages.Execution execution = JobMessages.execution(payload);
    if (execution == null) {
      return; // nothing pending any more: the job before ended
    }
    JobRound round = board.round(execution.jobId());
    if (round == null) {
      return;
    }
    if (!startedJobs.add(execution.jobId())) {
      round.duplicateNotifications.increment();
      return;
    }
    round.notified(now, payload.length);
    publish(prefix + "start-next", JobMessages.startNext(thing), round);
  }

  private void onStarted(byte[] payload) {
    JobMessages.Execution execution = JobMessages.execution(payload);
    JobRound round = execution == null ? null : board.round(execution.jobId());
    if (round == null) {
      return;
    }
    round.started.increment();
    publish(
        prefix + execution.jobId() + "/update",
        JobMessages.succeeded(execution.versionNumber(), thing),
        round);
  }

  private void onUpdateReply(String rest, byte[] payload, long now) {
    int slash = rest.indexOf('/');
    JobRound round = slash < 0 ? null : board.round(rest.substring(0, slash));
    if (round == null) {
      return;
    }
    if (rest.endsWith("/update/accepted")) {
      round.updated(now);
    } else if (rest.endsWith("/update/rejected")) {
      round.rejected(thing + " update " + JobMessages.rejectionCode(payload));
    }
  }

  private void publish(String topic, byte[] payload, JobRound round) {
    client
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload)
        .send()
        .whenComplete(
            (ack, error) -> {
              if (error != null) {
                round.publishFailed(error);
              }
            });
  }
}

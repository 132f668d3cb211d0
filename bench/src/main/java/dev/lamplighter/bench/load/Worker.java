package dev.lamplighter.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One closed-loop client: sign a request, send it, wait for the answer, repeat until the measured
 * window is over. The latency is the time of the send alone; signing is part of the client's cost
 * and shows in throughput only.
 */
final class Worker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

  private final int index;
  private final Scenario scenario;
  private final RequestSigner signer;
  private final HttpClient client;
  private final MeasurementWindow window;
  private final LatencyRecorder recorder = new LatencyRecorder();
  private final AtomicBoolean firstErrorLogged;

  /**
   * @param firstErrorLogged shared by the workers of a run, so that only the first failed request
   *     is logged with its body
   */
  Worker(
      int index,
      Scenario scenario,
      RequestSigner signer,
      HttpClient client,
      MeasurementWindow window,
      AtomicBoolean firstErrorLogged) {
    this.index = index;
    this.scenario = scenario;
    this.signer = signer;
    this.client = client;
    this.window = window;
    this.firstErrorLogged = firstErrorLogged;
  }

  @Override
  public void run() {
    for (long sequence = 0; ; sequence++) {
      HttpRequest request = signer.sign(scenario.request(index, sequence));
      long start = System.nanoTime();
      if (window.isOver(start)) {
        return;
      }
      int status;
      try {
        HttpResponse<byte[]> response =
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        status = response.statusCode();
        if ((status < 200 || status >= 300) && firstErrorLogged.compareAndSet(false, true)) {
          LOG.warn(
              "[{}] {} {} answered {}: {}",
              index,
              request.method(),
              request.uri().getRawPath(),
              status,
              new String(response.body(), StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        status = LatencyRecorder.TRANSPORT_ERROR;
        if (firstErrorLogged.compareAndSet(false, true)) {
          LOG.warn("[{}] {} failed: {}", index, request.uri().getRawPath(), e.toString());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long end = System.nanoTime();
      if (window.contains(start, end)) {
        recorder.record(status, end - start);
      }
    }
  }

  LatencyRecorder recorder() {
    return recorder;
  }
}

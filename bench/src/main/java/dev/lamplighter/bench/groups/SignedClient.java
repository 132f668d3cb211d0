package dev.lamplighter.bench.groups;

import dev.lamplighter.bench.load.BenchRequest;
import dev.lamplighter.bench.load.ClientMode;
import dev.lamplighter.bench.load.LatencyRecorder;
import dev.lamplighter.bench.load.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Signs and sends requests to one server over one shared {@link HttpClient} (HTTP/1.1 keep-alive),
 * built as the load generator builds it. Thread-safe.
 */
public final class SignedClient {
  private final RequestSigner signer;
  private final HttpClient client = ClientMode.newClient();

  public SignedClient(URI target) {
    this.signer = new RequestSigner(target);
  }

  /** A client whose requests are signed for {@code service} (see {@link RequestSigner}). */
  public SignedClient(URI target, String service) {
    this.signer = new RequestSigner(target, service);
  }

  /**
   * An answer and how long it took.
   *
   * @param status the HTTP status, {@link LatencyRecorder#TRANSPORT_ERROR} when none came
   * @param body the body, or the transport error's text
   * @param nanos the time of the send alone (signing excluded), to the end of the body
   */
  public record Answer(int status, byte[] body, long nanos) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Signs the request now and sends it; a transport failure is an answer with status 0. */
  public Answer send(BenchRequest request) throws InterruptedException {
    HttpRequest signed = signer.sign(request);
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = client.send(signed, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    } catch (IOException e) {
      return new Answer(
          LatencyRecorder.TRANSPORT_ERROR,
          e.toString().getBytes(StandardCharsets.UTF_8),
          System.nanoTime() - start);
    }
  }
}

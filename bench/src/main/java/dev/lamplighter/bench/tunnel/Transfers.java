package dev.lamplighter.bench.tunnel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.zip.CRC32;

/** What a client does on one connection to the echo service: bulk bytes, or small round trips. */
final class Transfers {
  private static final int CHUNK = 60_000;

  private Transfers() {}

  static Socket connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(120_000);
    return socket;
  }

  /**
   * Sends {@code bytes} of random data while reading them back, both at once; returns the seconds
   * from the first byte sent to the last byte received.
   *
   * @throws IllegalStateException when the bytes echoed differ from those sent
   */
  static double fullDuplex(Socket socket, long bytes, long seed, Executor senders)
      throws Exception {
    byte[] data = new byte[CHUNK];
    new Random(seed).nextBytes(data);
    long started = System.nanoTime();
    CompletableFuture<Long> sent =
        CompletableFuture.supplyAsync(
            () -> {
              CRC32 crc = new CRC32();
              try {
                OutputStream out = socket.getOutputStream();
                for (long left = bytes; left > 0; left -= CHUNK) {
                  int n = (int) Math.min(left, CHUNK);
                  crc.update(data, 0, n);
                  out.write(data, 0, n);
                }
                out.flush();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
              return crc.getValue();
            },
            senders);
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[128 * 1024];
    CRC32 crc = new CRC32();
    long received = 0;
    while (received < bytes) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, bytes - received));
      if (n < 0) {
        throw new IllegalStateException("the connection ended after " + received + " bytes");
      }
      crc.update(buffer, 0, n);
      received += n;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (sent.get() != crc.getValue()) {
      throw new IllegalStateException("the bytes echoed differ from those sent");
    }
    return seconds;
  }

  /** {@code count} round trips of {@code size} bytes, each answered before the next; in ns. */
  static long[] roundTrips(Socket socket, int count, int size) throws IOException {
    byte[] request = new byte[size];
    Arrays.fill(request, (byte) 'r');
    byte[] answer = new byte[size];
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      out.write(request);
      int read = 0;
      while (read < size) {
        int n = in.read(answer, read, size - read);
        if (n < 0) {
          throw new IllegalStateException("the connection ended during a round trip");
        }
        read += n;
      }
      nanos[i] = System.nanoTime() - started;
    }
    return nanos;
  }
}

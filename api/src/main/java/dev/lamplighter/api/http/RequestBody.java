package dev.lamplighter.api.http;

import dev.lamplighter.core.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body without ever holding more than the configured limit in memory. */
final class RequestBody {
  private static final byte[] NO_BODY = new byte[0];

  private RequestBody() {}

  /**
   * The whole body.
   *
   * @param declaredLength the Content-Length, or -1 when absent (chunked)
   * @throws dev.lamplighter.core.error.ServiceException REQUEST_TOO_LARGE beyond {@code limit}
   */
  static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
    if (declaredLength > limit) {
      throw tooLarge(limit);
    }
    if (declaredLength == 0) {
      return NO_BODY;
    }
    int first = in.read();
    if (first < 0) {
      return NO_BODY;
    }
    ByteArrayOutputStream body =
        new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 256);
    body.write(first);
    byte[] chunk = new byte[8192];
    int read;
    while ((read = in.read(chunk)) >= 0) {
      if (body.size() + read > limit) {
        throw tooLarge(limit);
      }
      body.write(chunk, 0, read);
    }
    return body.toByteArray();
  }

  private static RuntimeException tooLarge(int limit) {
    return ErrorCode.REQUEST_TOO_LARGE.exception(
        "The request body is larger than the limit of %d bytes.", limit);
  }
}

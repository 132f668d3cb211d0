package dev.lamplighter.api.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an HTTP/1.1 request message the way a server would, into a {@link SignedRequest}: the
 * request line into method, raw path and raw query (not decoded); header lines into names and
 * values, a header repeated as several values and obsolete line folding unfolded by joining the
 * continuation with one space; the rest as body.
 */
final class HttpMessages {
  private HttpMessages() {}

  static SignedRequest parse(byte[] message) {
    int headEnd = indexOf(message, "\n\n".getBytes(StandardCharsets.US_ASCII));
    int bodyStart = headEnd + 2;
    int crlf = indexOf(message, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (crlf >= 0 && (headEnd < 0 || crlf < headEnd)) {
      headEnd = crlf;
      bodyStart = crlf + 4;
    }
    if (headEnd < 0) {
      headEnd = message.length;
      bodyStart = message.length;
    }
    String head = new String(message, 0, headEnd, StandardCharsets.UTF_8);
    byte[] body = Arrays.copyOfRange(message, Math.min(bodyStart, message.length), message.length);
    List<String> lines = new ArrayList<>(List.of(head.split("\r?\n", -1)));

    String requestLine = lines.remove(0);
    int firstSpace = requestLine.indexOf(' ');
    int lastSpace = requestLine.lastIndexOf(' ');
    String method = requestLine.substring(0, firstSpace);
    String target = requestLine.substring(firstSpace + 1, lastSpace);
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? null : target.substring(question + 1);

    List<String> unfolded = new ArrayList<>();
    for (String line : lines) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        int last = unfolded.size() - 1;
        unfolded.set(last, unfolded.get(last) + " " + line.strip());
      } else if (!line.isEmpty()) {
        unfolded.add(line);
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : unfolded) {
      int colon = line.indexOf(':');
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      String existing =
          headers.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
      headers.computeIfAbsent(existing, n -> new ArrayList<>()).add(value);
    }
    return new SignedRequest(method, rawPath, rawQuery, headers, body);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

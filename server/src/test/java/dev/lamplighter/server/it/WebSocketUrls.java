package dev.lamplighter.server.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MQTT-over-WebSocket URLs presigned by hand, as AWS IoT's documentation and browser samples build
 * them: SigV4 in the query string for the service {@code iotdevicegateway}, only {@code host}
 * signed, and the session token appended after signing.
 */
final class WebSocketUrls {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private WebSocketUrls() {}

  /**
   * A {@code wss://localhost:{port}/mqtt?…} URL signed at {@code time}.
   *
   * @param sessionToken appended after signing when not null
   */
  static String presign(
      int port,
      String accessKeyId,
      String secret,
      String region,
      Instant time,
      String sessionToken) {
    String host = "localhost:" + port;
    String amzDate = AMZ_DATE.format(time);
    String day = amzDate.substring(0, 8);
    String scope = day + "/" + region + "/iotdevicegateway/aws4_request";
    String query =
        "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential="
            + encode(accessKeyId + "/" + scope)
            + "&X-Amz-Date="
            + amzDate
            + "&X-Amz-SignedHeaders=host";
    String canonicalRequest =
        "GET\n/mqtt\n" + query + "\nhost:" + host + "\n\nhost\n" + sha256Hex("");
    String stringToSign =
        "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, region);
    key = hmac(key, "iotdevicegateway");
    key = hmac(key, "aws4_request");
    String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
    String url = "wss://" + host + "/mqtt?" + query + "&X-Amz-Signature=" + signature;
    return sessionToken == null ? url : url + "&X-Amz-Security-Token=" + encode(sessionToken);
  }

  private static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

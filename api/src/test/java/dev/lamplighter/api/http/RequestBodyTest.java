package dev.lamplighter.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
  @Test
  void bodyWithinLimit_isReadWhole_withOrWithoutLength() throws Exception {
    byte[] body = "x".repeat(20_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThat(RequestBody.read(new ByteArrayInputStream(body), body.length, 20_000))
        .isEqualTo(body);
    assertThat(RequestBody.read(new ByteArrayInputStream(body), -1, 20_000)).isEqualTo(body);
  }

  @Test
  void declaredLengthBeyondLimit_isRefusedBeforeReading() {
    assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(new byte[0]), 2048, 1024))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_TOO_LARGE));
  }

  @Test
  void chunkedBodyBeyondLimit_isRefused() {
    assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(new byte[1025]), -1, 1024))
        .isInstanceOf(ServiceException.class);
  }
}

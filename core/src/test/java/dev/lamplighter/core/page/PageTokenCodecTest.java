package dev.lamplighter.core.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageTokenCodecTest {
  private final PageTokenCodec codec =
      new PageTokenCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  @Test
  void token_roundTripsTheCursor() {
    String token = codec.encode("ListThings|111122223333/eu-west-1", "lamp-0042");

    assertThat(codec.decode("ListThings|111122223333/eu-west-1", token)).isEqualTo("lamp-0042");
  }

  @Test
  void token_isOpaque_andFitsAwsMarkerPattern() {
    for (String cursor : new String[] {"lamp-0042", "2026-01-01T00:00:00Z|ab12", "x"}) {
      String token = codec.encode("ListThings", cursor);

      assertThat(token).doesNotContain(cursor).matches("[A-Za-z0-9+/]+={0,2}");
    }
  }

  @Test
  void token_forAnotherBinding_isRejected() {
    String token = codec.encode("ListThings|111122223333/eu-west-1", "lamp-0042");

    assertThatThrownBy(() -> codec.decode("ListThings|444455556666/eu-west-1", token))
        .isInstanceOf(ServiceException.class)
        .extracting(e -> ((ServiceException) e).code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
  }

  @Test
  void token_withAnyByteChanged_isRejected() {
    String token = codec.encode("ListThings", "lamp-0042");
    byte[] raw = Base64.getDecoder().decode(token);
    for (int i = 0; i < raw.length; i++) {
      byte[] tampered = raw.clone();
      tampered[i] ^= 0x01;
      String forged = Base64.getEncoder().encodeToString(tampered);
      assertThatThrownBy(() -> codec.decode("ListThings", forged))
          .as("byte %d flipped", i)
          .isInstanceOf(ServiceException.class);
    }
  }

  @Test
  void garbage_isRejected() {
    for (String garbage : new String[] {"", "!!!", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
      assertThatThrownBy(() -> codec.decode("ListThings", garbage))
          .as(garbage)
          .isInstanceOf(ServiceException.class)
          .hasMessageContaining("nextToken");
    }
  }

  @Test
  void tokenFromAnotherKey_isRejected() {
    PageTokenCodec other =
        new PageTokenCodec("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    String token = other.encode("ListThings", "lamp-0042");

    assertThatThrownBy(() -> codec.decode("ListThings", token))
        .isInstanceOf(ServiceException.class);
  }

  @Test
  void urlSafeTokens_avoidPlusAndSlash_andEitherAlphabetIsRead() {
    PageTokenCodec urlSafe = codec.urlSafe();
    for (int i = 0; i < 200; i++) {
      String cursor = "2026-12-08T03:07:56.267317874Z|" + i + "-898aca8d-d116-4f3b";
      String token = urlSafe.encode("ListTunnels|111122223333/eu-west-1", cursor);

      assertThat(token).matches("[a-zA-Z0-9_=-]{1,4096}");
      assertThat(codec.decode("ListTunnels|111122223333/eu-west-1", token)).isEqualTo(cursor);
      String standard = codec.encode("ListTunnels|111122223333/eu-west-1", cursor);
      assertThat(urlSafe.decode("ListTunnels|111122223333/eu-west-1", standard)).isEqualTo(cursor);
    }
  }
}

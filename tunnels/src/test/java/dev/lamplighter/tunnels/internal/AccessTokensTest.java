package dev.lamplighter.tunnels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.testkit.SequentialIdSource;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  @Test
  void aToken_is32RandomBytes_base64urlWithoutPadding() {
    String token = AccessTokens.newToken(new SequentialIdSource());

    // 32 bytes are 43 base64 characters without the padding '='.
    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(token).startsWith("AQIDBAUG");
  }

  @Test
  void tokensFromTheSameSource_differ() {
    SequentialIdSource ids = new SequentialIdSource();

    assertThat(AccessTokens.newToken(ids)).isNotEqualTo(AccessTokens.newToken(ids));
  }

  @Test
  void theHash_isSha256InLowerCaseHex_andDoesNotContainTheToken() {
    // SHA-256("abc"), the FIPS 180-2 test vector.
    assertThat(AccessTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    String token = AccessTokens.newToken(new SequentialIdSource());
    assertThat(AccessTokens.hash(token)).hasSize(64).doesNotContain(token);
  }
}

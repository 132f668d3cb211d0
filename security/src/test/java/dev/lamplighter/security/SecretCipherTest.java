package dev.lamplighter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private final SecretCipher cipher = new SecretCipher(key((byte) 1));

  @Test
  void sealedSecret_opensWithSameContext_andHidesThePlainText() {
    byte[] sealed = cipher.seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "access-key:AKID");

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("wJalrXUtnFEMI");
    assertThat(cipher.open(sealed, "access-key:AKID"))
        .isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  @Test
  void sealingTwice_givesDifferentBytes() {
    assertThat(cipher.seal("secret", "c")).isNotEqualTo(cipher.seal("secret", "c"));
  }

  @Test
  void sealedSecret_doesNotOpen_inAnotherContext() {
    byte[] sealed = cipher.seal("secret", "access-key:A");

    assertThatThrownBy(() -> cipher.open(sealed, "access-key:B"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("master key");
  }

  @Test
  void sealedSecret_doesNotOpen_underAnotherKey() {
    byte[] sealed = cipher.seal("secret", "c");

    assertThatThrownBy(() -> new SecretCipher(key((byte) 2)).open(sealed, "c"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void tamperedSecret_doesNotOpen() {
    byte[] sealed = cipher.seal("secret", "c");
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.open(sealed, "c")).isInstanceOf(IllegalStateException.class);
  }

  private static byte[] key(byte fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, fill);
    return key;
  }
}

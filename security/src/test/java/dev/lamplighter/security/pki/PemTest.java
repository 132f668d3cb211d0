package dev.lamplighter.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PemTest {
  private static final byte[] DER = new byte[100];

  static {
    for (int i = 0; i < DER.length; i++) {
      DER[i] = (byte) (i * 7);
    }
  }

  @Test
  void encode_writes64CharacterLinesAndAFinalNewline() {
    String pem = Pem.encode("CERTIFICATE", DER);

    List<String> lines = pem.lines().toList();
    assertThat(lines.get(0)).isEqualTo("-----BEGIN CERTIFICATE-----");
    assertThat(lines.get(1)).hasSize(64);
    assertThat(lines.get(lines.size() - 1)).isEqualTo("-----END CERTIFICATE-----");
    assertThat(pem).endsWith("-----\n");
  }

  @Test
  void decode_readsBackWhatEncodeWrote_inOrder() {
    String text =
        Pem.encode("CERTIFICATE", DER) + "between\n" + Pem.encode("PUBLIC KEY", new byte[] {1});

    List<Pem.Block> blocks = Pem.decode(text);

    assertThat(blocks)
        .containsExactly(
            new Pem.Block("CERTIFICATE", DER), new Pem.Block("PUBLIC KEY", new byte[] {1}));
  }

  @Test
  void decode_textWithoutBlocks_isEmpty() {
    assertThat(Pem.decode("nothing to see")).isEmpty();
  }

  @Test
  void decode_mismatchedEndLabel_isRejected() {
    String text = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END PUBLIC KEY-----\n";

    assertThatThrownBy(() -> Pem.decode(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN CERTIFICATE is closed by END PUBLIC KEY");
  }

  @Test
  void decode_encryptedKeyHeaders_areRejected() {
    String text =
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nAAAA\n"
            + "-----END RSA PRIVATE KEY-----\n";

    assertThatThrownBy(() -> Pem.decode(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid base64");
  }

  @Test
  void decode_emptyBlock_isRejected() {
    String text = "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n";

    assertThatThrownBy(() -> Pem.decode(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }
}

package dev.lamplighter.security.pki;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text (RFC 7468): encoding DER as base64 between {@code -----BEGIN label-----} and {@code
 * -----END label-----} lines, and finding the blocks in a text.
 *
 * <p>Decoding is strict inside a block (matching labels, base64 only, no encapsulated headers such
 * as those of encrypted OpenSSL keys) and lenient outside: explanatory text before, between or
 * after blocks, as {@code openssl x509 -text} writes it, is ignored.
 */
public final class Pem {
  public static final String CERTIFICATE = "CERTIFICATE";
  public static final String CERTIFICATE_REQUEST = "CERTIFICATE REQUEST";
  public static final String PUBLIC_KEY = "PUBLIC KEY";
  public static final String PRIVATE_KEY = "PRIVATE KEY";
  public static final String RSA_PRIVATE_KEY = "RSA PRIVATE KEY";

  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
  private static final Pattern END = Pattern.compile("-----END ([A-Z0-9 ]+)-----");
  private static final int LINE_LENGTH = 64;

  private Pem() {}

  /** One block: its label and the DER bytes it carries. */
  public record Block(String label, byte[] der) {
    public Block {
      Objects.requireNonNull(label, "label");
      der = der.clone();
    }

    @Override
    public byte[] der() {
      return der.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Block block
          && label.equals(block.label)
          && Arrays.equals(der, block.der);
    }

    @Override
    public int hashCode() {
      return 31 * label.hashCode() + Arrays.hashCode(der);
    }

    @Override
    public String toString() {
      return "Block[" + label + ", " + der.length + " bytes]";
    }
  }

  /** {@code der} as one PEM block with 64-character lines, ending with a newline. */
  public static String encode(String label, byte[] der) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder(base64.length() + 2 * label.length() + 40);
    out.append("-----BEGIN ").append(label).append("-----\n");
    for (int i = 0; i < base64.length(); i += LINE_LENGTH) {
      out.append(base64, i, Math.min(base64.length(), i + LINE_LENGTH)).append('\n');
    }
    return out.append("-----END ").append(label).append("-----\n").toString();
  }

  /**
   * The PEM blocks in {@code text}, in order; empty when there is none.
   *
   * @throws IllegalArgumentException naming the problem when a block is not closed, its END label
   *     differs from its BEGIN label, or its body is not base64
   */
  public static List<Block> decode(String text) {
    List<Block> blocks = new ArrayList<>();
    String label = null;
    StringBuilder body = new StringBuilder();
    for (String rawLine : text.split("\r?\n|\r", -1)) {
      String line = rawLine.strip();
      Matcher begin = BEGIN.matcher(line);
      Matcher end = END.matcher(line);
      if (label == null) {
        if (begin.matches()) {
          label = begin.group(1);
          body.setLength(0);
        } else if (end.matches()) {
          throw new IllegalArgumentException("END " + end.group(1) + " without a BEGIN line");
        }
      } else if (end.matches()) {
        if (!end.group(1).equals(label)) {
          throw new IllegalArgumentException(
              "BEGIN " + label + " is closed by END " + end.group(1));
        }
        blocks.add(new Block(label, base64(label, body.toString())));
        label = null;
      } else if (begin.matches()) {
        throw new IllegalArgumentException("BEGIN " + label + " is not closed by an END line");
      } else {
        body.append(line);
      }
    }
    if (label != null) {
      throw new IllegalArgumentException("BEGIN " + label + " is not closed by an END line");
    }
    return blocks;
  }

  private static byte[] base64(String label, String body) {
    if (body.isEmpty()) {
      throw new IllegalArgumentException("the " + label + " block is empty");
    }
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + label + " block is not valid base64", e);
    }
  }
}

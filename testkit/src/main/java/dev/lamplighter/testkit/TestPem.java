package dev.lamplighter.testkit;

import java.util.Base64;

/** PEM encoding for generated test material, independent of the production code under test. */
final class TestPem {
  private TestPem() {}

  static String encode(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }
}

package dev.lamplighter.testkit;

import java.security.KeyPair;

/** A generated PKCS#10 certificate signing request in PEM, with the key pair it is for. */
public record TestCsr(String pem, KeyPair keyPair) {
  @Override
  public String toString() {
    return "TestCsr[" + keyPair.getPublic().getAlgorithm() + "]";
  }
}

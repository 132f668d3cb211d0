package dev.lamplighter.security.spi;

import dev.lamplighter.security.AccessKey;

/**
 * An access key as stored: its secret sealed under the master key, never in plain text.
 *
 * @param sealedSecret the output of the secret cipher for the secret access key
 */
public record StoredAccessKey(AccessKey key, byte[] sealedSecret) {
  public StoredAccessKey {
    sealedSecret = sealedSecret.clone();
  }

  @Override
  public byte[] sealedSecret() {
    return sealedSecret.clone();
  }
}

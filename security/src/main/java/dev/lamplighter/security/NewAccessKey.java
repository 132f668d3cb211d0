package dev.lamplighter.security;

/** A freshly created access key with its secret, which is shown to the caller only this once. */
public record NewAccessKey(AccessKey key, String secretAccessKey) {
  @Override
  public String toString() {
    return "NewAccessKey[" + key + ", secretAccessKey=(hidden)]";
  }
}

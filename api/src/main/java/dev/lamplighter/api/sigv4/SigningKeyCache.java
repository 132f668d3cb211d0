package dev.lamplighter.api.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derived signing keys, so that a request costs one HMAC instead of five.
 *
 * <p>A signing key depends on the secret, the scope date, the region and the service, so a caller
 * reuses one key for a whole day. The cache is direct-mapped: a fixed array of slots, the slot
 * picked from the hash of those four values, a colliding entry simply replaced. It never grows past
 * its slot count, takes no lock, and a miss only costs a derivation. Entries hold the secret so
 * that a rotated secret never matches an old key; they never print it.
 */
final class SigningKeyCache {
  private final AtomicReferenceArray<Entry> slots;

  SigningKeyCache(int slotCount) {
    if (slotCount < 1) {
      throw new IllegalArgumentException("slotCount must be positive, not " + slotCount);
    }
    this.slots = new AtomicReferenceArray<>(slotCount);
  }

  SecretKeySpec signingKey(String secret, String date, String region, String service) {
    int hash = ((secret.hashCode() * 31 + date.hashCode()) * 31 + region.hashCode()) * 31;
    hash += service.hashCode();
    int slot = Math.floorMod(hash ^ (hash >>> 16), slots.length());
    Entry entry = slots.get(slot);
    if (entry != null && entry.matches(secret, date, region, service)) {
      return entry.key;
    }
    SecretKeySpec key = derive(secret, date, region, service);
    slots.set(slot, new Entry(secret, date, region, service, key));
    return key;
  }

  /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
  static SecretKeySpec derive(String secret, String date, String region, String service) {
    byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
    key = Hashing.hmac(key, date);
    key = Hashing.hmac(key, region);
    key = Hashing.hmac(key, service);
    key = Hashing.hmac(key, "aws4_request");
    return new SecretKeySpec(key, Hashing.HMAC_SHA256);
  }

  private static final class Entry {
    private final String secret;
    private final String date;
    private final String region;
    private final String service;
    private final SecretKeySpec key;

    Entry(String secret, String date, String region, String service, SecretKeySpec key) {
      this.secret = secret;
      this.date = date;
      this.region = region;
      this.service = service;
      this.key = key;
    }

    boolean matches(String secret, String date, String region, String service) {
      return this.date.equals(date)
          && this.region.equals(region)
          && this.service.equals(service)
          && this.secret.equals(secret);
    }

    @Override
    public String toString() {
      return "SigningKeyCache.Entry[" + date + "/" + region + "/" + service + "]";
    }
  }
}

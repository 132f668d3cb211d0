package dev.lamplighter.bench;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.SigningCredential;

/**
 * The fixed root credentials of a bench run. {@code bench/run} starts the server with the same
 * values ({@code LAMPLIGHTER_ROOT_*}); keep the two in step. They protect only a throw-away data
 * directory on the loopback interface.
 */
public final class BenchCredentials {
  public static final String ACCOUNT_ID = "111122223333";
  public static final String ACCESS_KEY_ID = "LLBENCHROOTKEY0001";
  public static final String SECRET_ACCESS_KEY = "bench-only-secret-not-for-any-real-server-00";

  /** The region requests are signed for. */
  public static final String REGION = "eu-west-1";

  /** The signing name of the AWS IoT control plane. */
  public static final String SERVICE = "iot";

  private BenchCredentials() {}

  /** The credential as the SigV4 verifier resolves it. */
  public static SigningCredential signingCredential() {
    return new SigningCredential(ACCESS_KEY_ID, SECRET_ACCESS_KEY, AccountId.of(ACCOUNT_ID));
  }
}

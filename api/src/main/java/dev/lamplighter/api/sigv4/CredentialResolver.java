package dev.lamplighter.api.sigv4;

import dev.lamplighter.security.SigningCredential;
import java.util.Optional;

/**
 * Finds the active credential for an access key id.
 *
 * <p>Called once per request that got past the structural checks, from the request's thread; an
 * implementation must be thread-safe and should be fast (it sits on the hot path of every API
 * call). Empty means the key is unknown or not active.
 */
@FunctionalInterface
public interface CredentialResolver {
  Optional<SigningCredential> resolve(String accessKeyId);
}

package dev.lamplighter.api.sigv4;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import java.util.Objects;

/**
 * Who signed a request, and for which region and service (the credential scope). The account and
 * region together are the caller's tenancy scope; the service picks the API the request is routed
 * to.
 */
public record VerifiedCaller(AccountId account, String accessKeyId, Region region, String service) {
  public VerifiedCaller {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(service, "service");
  }
}

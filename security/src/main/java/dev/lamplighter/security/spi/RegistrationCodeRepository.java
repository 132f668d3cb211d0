package dev.lamplighter.security.spi;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Optional;

/** The CA registration code of each scope (at most one). */
public interface RegistrationCodeRepository {

  Optional<String> find(Scope scope);

  /** Stores the scope's code, replacing any previous one. */
  void put(Scope scope, String code);

  /** Deletes the scope's code; false when it had none. */
  boolean delete(Scope scope);
}

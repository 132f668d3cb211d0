package dev.lamplighter.index.internal;

import dev.lamplighter.core.tenancy.Scope;

/** A thing or a group, named within its scope. */
record ScopedName(Scope scope, String name) {}

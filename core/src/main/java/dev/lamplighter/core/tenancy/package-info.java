/** Tenancy: every resource belongs to one {@link dev.lamplighter.core.tenancy.Scope}. */
package dev.lamplighter.core.tenancy;

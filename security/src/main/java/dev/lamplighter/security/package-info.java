/**
 * Accounts, access keys and secrets at rest. Access-key secrets are stored sealed with AES-GCM
 * under the master key and opened only to verify request signatures.
 */
package dev.lamplighter.security;

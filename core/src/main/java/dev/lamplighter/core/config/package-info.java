/**
 * Typed configuration primitives. Each subsystem declares its {@link
 * dev.lamplighter.core.config.Setting}s (key, environment variable, default, help, validation);
 * {@link dev.lamplighter.core.config.Settings} resolves them once from flags, environment and an
 * optional file, and refuses unknown keys and bad values with a message that names the key.
 */
package dev.lamplighter.core.config;

/**
 * Configuration of the server: every module's settings gathered in one place and resolved once from
 * flags, {@code LAMPLIGHTER_*} environment variables and an optional file.
 */
package dev.lamplighter.server.config;

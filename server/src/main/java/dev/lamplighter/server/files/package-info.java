/**
 * The files job documents point devices to: the built-in file store's presigned downloads, or an
 * S3-compatible object store presigned with the AWS SDK, and the {@code lamplighter files} command.
 */
package dev.lamplighter.server.files;

/**
 * Secure tunnels as AWS IoT Secure Tunneling offers them: opening, closing, describing, listing and
 * tagging tunnels, rotating their client access tokens, and admitting relay clients by token.
 * Tokens are returned once and kept only as hashes.
 */
package dev.lamplighter.tunnels;

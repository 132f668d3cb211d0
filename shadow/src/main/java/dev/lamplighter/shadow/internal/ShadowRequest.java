package dev.lamplighter.shadow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An UpdateThingShadow request state document, checked.
 *
 * @param state the {@code state} node as sent (with its nulls), echoed by {@code accepted}
 * @param desired the {@code desired} node: an object, {@code null} JSON (delete the section), or
 *     Java null when absent
 * @param reported the same for {@code reported}
 * @param version the version the update is conditional on, or null
 * @param clientToken the client token to echo, or null
 */
record ShadowRequest(
    ObjectNode state, JsonNode desired, JsonNode reported, Long version, String clientToken) {}

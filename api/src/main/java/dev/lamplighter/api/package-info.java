/**
 * The AWS-compatible HTTP API of the control plane. {@link dev.lamplighter.api.ControlPlaneApi} is
 * the only entry point: the server hands it a Javalin configuration and it installs the request
 * pipeline (SigV4, routing by service and operation, model-driven validation, error mapping,
 * metrics).
 */
package dev.lamplighter.api;

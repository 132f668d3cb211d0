/**
 * AWS Signature Version 4 verification for requests on the control-plane port.
 *
 * <p>This package owns deciding who signed a request: it rebuilds the canonical request from what
 * the HTTP server received (header-signed or presigned), checks the credential scope, the request
 * time and the signature, and answers with a {@link dev.lamplighter.api.sigv4.VerifiedCaller} or a
 * {@link dev.lamplighter.core.error.ServiceException} with AWS's error type and message. It knows
 * nothing of routing or operations; the caller routes by the returned service. Public surface:
 * {@link dev.lamplighter.api.sigv4.SigV4Verifier}, {@link dev.lamplighter.api.sigv4.SignedRequest},
 * {@link dev.lamplighter.api.sigv4.CredentialResolver} and {@link
 * dev.lamplighter.api.sigv4.VerifiedCaller}; everything else is package-private.
 */
package dev.lamplighter.api.sigv4;

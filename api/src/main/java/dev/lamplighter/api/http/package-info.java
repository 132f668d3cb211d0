/**
 * The request pipeline shared by every AWS service Lamplighter speaks: reading the body within
 * limits, authenticating with SigV4, finding the operation in the route table, binding and
 * validating input against the wire model, and answering with the AWS error shapes.
 */
package dev.lamplighter.api.http;

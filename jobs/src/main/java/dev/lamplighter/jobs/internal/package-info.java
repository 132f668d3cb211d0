/** Jobs' implementation: the services, the document rules and the engine. */
package dev.lamplighter.jobs.internal;

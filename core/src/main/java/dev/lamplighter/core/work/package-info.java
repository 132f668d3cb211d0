/** Background work of the server's own: loops that pause between steps and wake on demand. */
package dev.lamplighter.core.work;

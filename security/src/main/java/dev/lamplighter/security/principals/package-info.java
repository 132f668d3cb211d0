/** Which principals (certificates) are attached to which things: the thing principal operations. */
package dev.lamplighter.security.principals;

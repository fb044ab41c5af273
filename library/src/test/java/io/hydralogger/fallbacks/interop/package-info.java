/**
 * Tests against files written by other programs: the interoperability corpus under
 * {@code corpus/} at the repository root, and the agreement of every read path over it.
 */
package io.hydralogger.fallbacks.interop;

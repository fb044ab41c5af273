/**
 * Internal machinery: the format codecs ({@link io.hydralogger.fallbacks.internal.Codecs}), the
 * per-path locks ({@link io.hydralogger.fallbacks.internal.PathLocks}) and the fallback files
 * ({@link io.hydralogger.fallbacks.internal.FallbackFiles}). Public only so the other packages
 * can use it: not part of the API, and it may change in any release.
 */
package io.hydralogger.fallbacks.internal;

/**
 * Waiting for work handed to helper threads, shared by the parallel writers ({@code internal.codec})
 * and the parallel inspection ({@code recovery}). Not exported.
 */
@NullMarked
package io.hydralogger.fallbacks.internal.concurrent;

import org.jspecify.annotations.NullMarked;

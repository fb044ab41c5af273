/**
 * Sample records: {@link io.hydralogger.fallbacks.samples.SampleRecords} makes the users of the
 * baseline figures (as plain maps, or as application records) and records of about 1 KB. The same
 * index always gives the same record, so that tests can state what they expect to read back.
 */
package io.hydralogger.fallbacks.samples;

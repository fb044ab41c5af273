/** A client of the library that sees only its exported API; its tests run on the module path. */
package io.hydralogger.fallbacks.apitest;

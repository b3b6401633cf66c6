/** Per-test coverage contexts for JUnit Platform. */
package io.lowimpact.coverage.junit;

/** Internal to the coverage tool: no compatibility promise. */
package io.lowimpact.coverage.internal.runtime;

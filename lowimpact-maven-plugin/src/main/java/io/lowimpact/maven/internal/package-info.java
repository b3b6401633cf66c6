/** Internal to the Maven plugin: no compatibility promise. */
package io.lowimpact.maven.internal;

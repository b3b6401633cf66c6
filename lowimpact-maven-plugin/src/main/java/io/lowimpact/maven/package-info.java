/**
 * The Lowimpact Maven plugin: {@code prepare-agent} puts the monitoring agent and the coverage agent into the test
 * JVMs' {@code argLine}, {@code report} writes XML, LCOV and HTML, {@code merge} merges data files.
 */
package io.lowimpact.maven;

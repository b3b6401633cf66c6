/**
 * Coverage on Lowimpact: {@link io.lowimpact.coverage.Coverage} records, {@link io.lowimpact.coverage.CoverageData}
 * reads, merges and writes data files, {@link io.lowimpact.coverage.Report} writes XML, LCOV and HTML reports,
 * {@link io.lowimpact.coverage.CoverageAgent} runs it all from the command line.
 */
package io.lowimpact.coverage;

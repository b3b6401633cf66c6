package io.lowimpact.monitoring.instrument.internal.analysis;

/**
 * Where an output line comes from, according to one SMAP stratum.
 *
 * @param fileIndex index into the stratum's {@link SmapStratum#files()}
 * @param line the input (source) line
 */
public record SourceLine(int fileIndex, int line) {
}

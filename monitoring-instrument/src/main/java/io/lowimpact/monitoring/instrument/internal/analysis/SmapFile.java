package io.lowimpact.monitoring.instrument.internal.analysis;

/**
 * One FileInfo of an SMAP's file section ({@code *F}).
 *
 * @param id the FileID that line infos refer to
 * @param name the source name ({@code "Hello.jsp"})
 * @param path the source path given on the line after a {@code +} entry, or null
 */
public record SmapFile(int id, String name, String path) {
}

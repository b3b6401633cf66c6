package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.List;
import java.util.Optional;

/**
 * A resolved JSR-45 source map (SMAP), as a class's SourceDebugExtension attribute holds it: the output (generated)
 * file's name, the default stratum's id and the strata, each with its files and line mapping.
 *
 * @param outputFileName the name of the generated file the class's line numbers refer to ({@code "Hello_jsp.java"})
 * @param defaultStratumId the stratum a debugger shows by default
 * @param strata the strata, in the order the SMAP declares them
 */
public record Smap(String outputFileName, String defaultStratumId, List<SmapStratum> strata) {

    /**
     * Copies the list.
     *
     * @param outputFileName the output file
     * @param defaultStratumId the default stratum's id
     * @param strata the strata
     */
    public Smap {
        strata = List.copyOf(strata);
    }

    /**
     * Parses an SMAP; see {@link SmapParser} for the accepted syntax.
     *
     * @param text the SMAP text
     * @return the SMAP
     * @throws IllegalArgumentException naming the line and the rule it breaks, if the text is not a valid SMAP
     * @throws NullPointerException if {@code text} is null
     */
    public static Smap parse(String text) {
        return SmapParser.parse(text);
    }

    /**
     * @param id a stratum id
     * @return the stratum with that id, if the SMAP declares it
     */
    public Optional<SmapStratum> stratum(String id) {
        for (SmapStratum stratum : strata) {
            if (stratum.id().equals(id)) {
                return Optional.of(stratum);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the default stratum, when the SMAP declares it (a default of {@code "Java"} names the class file's
     *     own numbering, which an SMAP usually does not declare)
     */
    public Optional<SmapStratum> defaultStratum() {
        return stratum(defaultStratumId);
    }
}

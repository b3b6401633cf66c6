package io.lowimpact.coverage;

import io.lowimpact.coverage.internal.data.DataSet;

/** Lets tests of other packages reach a {@link CoverageData}'s data set. */
@SuppressWarnings("exports")
public final class CoverageDataAccess {

    private CoverageDataAccess() {
    }

    /** @return the data set behind the public object */
    public static DataSet dataSet(CoverageData data) {
        return data.data;
    }

    /** @return a public object around a data set */
    public static CoverageData wrap(DataSet data) {
        return new CoverageData(data);
    }
}

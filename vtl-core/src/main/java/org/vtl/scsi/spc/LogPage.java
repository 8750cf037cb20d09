package org.vtl.scsi.spc;

import java.util.List;

/** A log page a device reports through LOG SENSE (SPC-5 7.3); page 00h is derived from the table. */
public interface LogPage {

    int pageCode();

    default int subpageCode() {
        return 0;
    }

    /** The current parameters, ascending by code. */
    List<LogParameter> parameters();

    /** LOG SELECT with PCR=1: reset what can be reset. */
    default void reset() {
    }

    /** A page computed on every read. */
    static LogPage of(int pageCode, int subpageCode, java.util.function.Supplier<List<LogParameter>> parameters) {
        return new LogPage() {
            @Override
            public int pageCode() {
                return pageCode;
            }

            @Override
            public int subpageCode() {
                return subpageCode;
            }

            @Override
            public List<LogParameter> parameters() {
                return parameters.get();
            }
        };
    }
}

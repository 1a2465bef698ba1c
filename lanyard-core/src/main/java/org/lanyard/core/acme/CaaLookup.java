package org.lanyard.core.acme;

import java.util.List;

/** Port: the CAA RRset at exactly one name (no climbing), empty when there is none. */
public interface CaaLookup {

    /** @throws org.lanyard.core.LanyardException {@code dns} when the lookup fails (not on NXDOMAIN) */
    List<CaaRecord> lookup(String name);
}

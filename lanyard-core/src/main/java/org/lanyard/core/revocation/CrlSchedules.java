package org.lanyard.core.revocation;

import java.util.Optional;

/** The stored CRL schedule of each issuer. */
public interface CrlSchedules {

    Optional<CrlSchedule> find(String issuerId);

    /** Stores the schedule unless the issuer has one already; returns the one in force. */
    CrlSchedule saveIfAbsent(String issuerId, CrlSchedule schedule);
}

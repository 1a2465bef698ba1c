package org.lanyard.core.ca;

import java.time.Duration;

/**
 * How long certificates under a profile live.
 *
 * @param validity the lifetime; cut to the issuer's own end of validity at issuance. {@code null}
 *                 only in a profile that has not been checked yet ({@link SaveProfile} refuses it)
 */
public record ValidityPolicy(Duration validity) {
}

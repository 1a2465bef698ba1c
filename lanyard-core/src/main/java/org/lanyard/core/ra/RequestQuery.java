package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import java.util.Set;
import org.lanyard.core.PageRequest;

/**
 * Which requests to list; null (or empty) filters match everything.
 *
 * @param state            only requests in this state
 * @param requesterId      only requests of this requester (actor id)
 * @param excludedProfiles no requests under these profiles
 */
public record RequestQuery(@Nullable RequestState state, @Nullable String requesterId, Set<String> excludedProfiles,
        PageRequest page) {

    public RequestQuery {
        excludedProfiles = excludedProfiles == null ? Set.of() : Set.copyOf(excludedProfiles);
    }
}

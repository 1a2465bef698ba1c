/** See docs/adr/0015-build-guardrails.md: NullAway checks this package; null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.lanyard.core.jobs;

import org.jspecify.annotations.NullMarked;

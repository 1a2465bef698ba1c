package org.lanyard.core.audit;

/** The newest record of the chain, kept apart from the records so that truncation shows. */
public record ChainHead(long sequence, String hash) {
}

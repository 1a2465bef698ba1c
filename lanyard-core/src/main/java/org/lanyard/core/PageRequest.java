package org.lanyard.core;

/** Which page to read; size is capped so no query can ask for the whole table at once. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw LanyardException.invalid("page-invalid", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw LanyardException.invalid("page-invalid", "size must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}

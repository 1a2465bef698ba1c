package org.lanyard.core;

/** Who performs an action, as the transaction log records it. */
public record Actor(String id, String name) {

    public static final Actor SYSTEM = new Actor("system", "system");

    @Override
    public String toString() {
        return name + " (" + id + ")";
    }
}

package org.lanyard.core.audit;

/**
 * The outcome of checking the chain: {@code problem} is empty when it is intact, otherwise it
 * names the first bad record and what is wrong with it.
 */
public record AuditVerification(long recordsChecked, Problem problem, long sequence, String message) {

    public enum Problem { NONE, EDITED, DELETED, REORDERED, TRUNCATED }

    public boolean intact() {
        return problem == Problem.NONE;
    }

    static AuditVerification ok(long checked) {
        return new AuditVerification(checked, Problem.NONE, 0, "chain intact: " + checked + " records");
    }
}

package org.lanyard.core.operator;

import static org.lanyard.core.operator.Permission.*;

import java.util.EnumSet;
import java.util.List;

/**
 * The default roles, as vSEC:CMS users know them (seed 001): System Owner and System
 * Administrator may do everything; Elevated changes configuration; Normal runs credential and
 * certificate workflows, including approving others' requests (four eyes, docs/flows/registration.md);
 * Elevated reads requests but cannot approve them (it cannot issue); Restricted unblocks; Key
 * recovery recovers archived keys.
 */
public final class BuiltinRoles {

    public static final String SYSTEM_OWNER = "system-owner";
    public static final String SYSTEM_ADMINISTRATOR = "system-administrator";
    public static final String ELEVATED = "elevated";
    public static final String NORMAL = "normal";
    public static final String RESTRICTED = "restricted";
    public static final String KEY_RECOVERY_ROLE = "key-recovery";

    private BuiltinRoles() {
    }

    public static List<Role> all() {
        return List.of(
                new Role(SYSTEM_OWNER, "System Owner", "Installs and initialises the system; may do everything.",
                        EnumSet.allOf(Permission.class), true),
                new Role(SYSTEM_ADMINISTRATOR, "System Administrator", "May perform all operations.",
                        EnumSet.allOf(Permission.class), true),
                new Role(ELEVATED, "Elevated", "Configuration changes: profiles, issuers, system settings.",
                        EnumSet.of(PROFILE_READ, PROFILE_MANAGE, ISSUER_READ, ISSUER_MANAGE, SYSTEM_CONFIGURE, ACME_MANAGE,
                                CERTIFICATE_READ, AUDIT_READ, OPERATOR_READ, METRICS_READ, REQUEST_READ), true),
                new Role(NORMAL, "Normal", "Credential and certificate management workflows.",
                        EnumSet.of(CERTIFICATE_READ, CERTIFICATE_ISSUE, CERTIFICATE_REVOKE, PROFILE_READ, ISSUER_READ,
                                CREDENTIAL_MANAGE, CREDENTIAL_UNBLOCK, REQUEST_READ, REQUEST_APPROVE), true),
                new Role(RESTRICTED, "Restricted", "Credential unblock workflows (help desk).",
                        EnumSet.of(CREDENTIAL_UNBLOCK, CERTIFICATE_READ), true),
                new Role(KEY_RECOVERY_ROLE, "Key recovery", "Key recovery workflows.",
                        EnumSet.of(KEY_RECOVERY, CERTIFICATE_READ), true));
    }
}

package org.lanyard.core.ra;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.lanyard.core.Actor;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.BuiltinRoles;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Scope;

/**
 * Who asks the registration authority for something. Every front end turns its authenticated
 * caller into one of these before it calls {@link RequestCertificate}, so the RA decides with one
 * vocabulary what each kind of caller may do.
 *
 * <p>Room to grow: an <b>end user</b> (a card holder or certificate requester of the self-service
 * portal, authorised by directory attributes and enrolment forms rather than roles) and an
 * <b>agent</b> (the workstation agent acting for a card session it was handed) will be further
 * permitted records; each says in {@link #may} what it holds, and the RA's rules
 * ({@link ProfileAccess}, {@link RequestRateLimit}) say what follows from its {@link Kind}.
 */
public sealed interface Principal permits Principal.Operator, Principal.AcmeAccount, Principal.SystemJob {

    /** The kinds of principal, as stored with a request. */
    enum Kind { OPERATOR, ACME_ACCOUNT, SYSTEM_JOB }

    Kind kind();

    /** The principal as the transaction log and the request's history name it; its id is unique across kinds. */
    Actor actor();

    /** True when the principal holds {@code permission} in {@code scope}. */
    boolean may(Permission permission, Scope scope);

    /** An operator signed in to the API or console (or the person at the CLI: {@link #localOperator}). */
    record Operator(AuthenticatedOperator operator) implements Principal {

        @Override
        public Kind kind() {
            return Kind.OPERATOR;
        }

        @Override
        public Actor actor() {
            return operator.actor();
        }

        @Override
        public boolean may(Permission permission, Scope scope) {
            return operator.may(permission, scope);
        }
    }

    /**
     * An ACME account. It holds no permission of its own: the endpoint's profile offer (checked when
     * the order was placed, and set by an operator who may issue under those profiles) authorises it.
     *
     * @param actor as {@code AcmeCaller.actor(accountId)} names it ({@code acme:<id>})
     */
    record AcmeAccount(String accountId, Actor actor) implements Principal {

        @Override
        public Kind kind() {
            return Kind.ACME_ACCOUNT;
        }

        @Override
        public boolean may(Permission permission, Scope scope) {
            return false;
        }
    }

    /** A job of the system itself (auto-renewal, a CA's own certificates): acts for the system, is not rate limited. */
    record SystemJob(String job) implements Principal {

        @Override
        public Kind kind() {
            return Kind.SYSTEM_JOB;
        }

        @Override
        public Actor actor() {
            return new Actor("system:" + job, "system job " + job);
        }

        @Override
        public boolean may(Permission permission, Scope scope) {
            return true;
        }
    }

    /**
     * The person at the console of an installation ({@code lanyard issue}): whoever can run the CLI
     * holds the database and the key store, so it acts with every permission, as the System Owner.
     * Its actor is {@code cli} / {@code cli:<user>}, as the transaction log always named it.
     */
    static Operator localOperator(String user) {
        Set<Permission> all = EnumSet.allOf(Permission.class);
        var operator = new org.lanyard.core.operator.Operator("cli", "cli:" + user, null,
                Set.of(BuiltinRoles.SYSTEM_OWNER), true, Instant.EPOCH);
        return new Operator(new AuthenticatedOperator(operator, all, "local"));
    }
}

package org.lanyard.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.revocation.OcspSignerRecord;
import org.lanyard.core.revocation.OcspSigners;

/** Delegated OCSP responder certificates in {@code ocsp_signers}. */
final class JdbcOcspSigners implements OcspSigners {

    private final Sql sql;

    JdbcOcspSigners(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(OcspSignerRecord s) {
        sql.update("save an OCSP signer", "INSERT INTO ocsp_signers (key_alias, issuer_id, serial, not_before,"
                + " not_after, der) VALUES (?, ?, ?, ?, ?, ?)", s.keyAlias(), s.issuerId(), Serials.hex(s.serial()),
                s.notBefore(), s.notAfter(), s.der());
    }

    @Override
    public Optional<OcspSignerRecord> current(String issuerId, Instant now) {
        return sql.one("find the OCSP signer", "SELECT key_alias, serial, not_before, not_after, der FROM ocsp_signers"
                + " WHERE issuer_id = ? AND not_before <= ? AND not_after > ? ORDER BY not_after DESC LIMIT 1",
                r -> new OcspSignerRecord(r.getString("key_alias"), issuerId, new BigInteger(r.getString("serial"), 16),
                        Sql.instant(r, "not_before"), Sql.instant(r, "not_after"), r.getBytes("der")),
                issuerId, now, now);
    }
}

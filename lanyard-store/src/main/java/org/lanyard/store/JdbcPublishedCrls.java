package org.lanyard.store;

import java.util.Optional;
import org.lanyard.core.revocation.PublishedCrl;
import org.lanyard.core.revocation.PublishedCrls;

/** The newest full and delta CRL of each shard in {@code published_crls}. */
final class JdbcPublishedCrls implements PublishedCrls {

    private final Sql sql;

    JdbcPublishedCrls(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void publish(PublishedCrl crl) {
        sql.with("publish a CRL", c -> {
            int rows = Sql.update(c, "UPDATE published_crls SET crl_number = ?, this_update = ?, next_update = ?,"
                    + " der = ? WHERE issuer_id = ? AND shard = ? AND delta = ? AND crl_number < ?", crl.number(),
                    crl.thisUpdate(), crl.nextUpdate(), crl.der(), crl.issuerId(), crl.shard(), crl.delta(),
                    crl.number());
            if (rows == 0 && Sql.list(c, "SELECT 1 FROM published_crls WHERE issuer_id = ? AND shard = ?"
                    + " AND delta = ?", r -> 1, crl.issuerId(), crl.shard(), crl.delta()).isEmpty()) {
                Sql.update(c, "INSERT INTO published_crls (issuer_id, shard, delta, crl_number, this_update,"
                        + " next_update, der) VALUES (?, ?, ?, ?, ?, ?, ?)", crl.issuerId(), crl.shard(),
                        crl.delta(), crl.number(), crl.thisUpdate(), crl.nextUpdate(), crl.der());
            }
            return null;
        });
    }

    @Override
    public Optional<PublishedCrl> latest(String issuerId, int shard, boolean delta) {
        return sql.one("read a published CRL", "SELECT crl_number, this_update, next_update, der FROM published_crls"
                + " WHERE issuer_id = ? AND shard = ? AND delta = ?", r -> new PublishedCrl(issuerId, shard, delta,
                        r.getLong("crl_number"), Sql.instant(r, "this_update"), Sql.instant(r, "next_update"),
                        r.getBytes("der")), issuerId, shard, delta);
    }
}

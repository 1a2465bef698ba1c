package org.lanyard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.lanyard.core.acme.AcmeStorage;
import org.lanyard.core.audit.AuditLog;
import org.lanyard.core.ca.CertificateStore;
import org.lanyard.core.ca.IssuerStore;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.jobs.JobStore;
import org.lanyard.core.operator.OperatorStore;
import org.lanyard.core.ra.RequestStore;
import org.lanyard.core.tx.Transactions;

/**
 * The relational store: a connection pool, the schema brought up to date by Flyway
 * ({@code db/migration}) on open, and every store port on top. H2 (embedded, one node) and
 * PostgreSQL (any number of nodes) run the same schema and SQL.
 */
public final class Database implements AutoCloseable {

    public static final int DEFAULT_POOL_SIZE = 10;

    private final HikariDataSource dataSource;
    private final Stores stores;
    private final AcmeStorage acme;
    private final Revocations revocations;
    private final JobStore jobs;
    private final RequestStore requests;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        JdbcTransactions transactions = new JdbcTransactions(dataSource);
        Sql sql = new Sql(transactions);
        this.stores = new Stores(transactions, new JdbcCertificateStore(sql), new JdbcIssuerStore(sql),
                new JdbcProfileStore(sql), new JdbcOperatorStore(sql), new JdbcAuditLog(sql));
        this.acme = new AcmeStorage(new JdbcAcmeAccounts(sql), new JdbcAcmeOrders(sql), new JdbcAcmeEabKeys(sql),
                new JdbcAcmeEndpoints(sql), new JdbcAcmeNonces(sql), transactions);
        this.revocations = new Revocations((JdbcCertificateStore) stores.certificates(), new JdbcRevocationStore(sql),
                new JdbcCrlSchedules(sql), new JdbcPublishedCrls(sql), new JdbcOcspSigners(sql));
        this.jobs = new JdbcJobStore(sql);
        this.requests = new JdbcRequestStore(sql);
    }

    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /**
     * Connects and migrates the schema.
     *
     * @throws org.lanyard.core.LanyardException {@code store-failed} when the database cannot be
     *                                           reached or a migration fails
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setPoolName("lanyard-store");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw StoreFailure.of("connect to the database", e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return new Database(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw StoreFailure.of("migrate the schema", e);
        }
    }

    /** The embedded H2 database file {@code lanyard.mv.db} in {@code dir}. */
    public static String h2File(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("lanyard")
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    public Stores stores() {
        return stores;
    }

    /** The ACME ports (issue 4). */
    public AcmeStorage acme() {
        return acme;
    }

    public Transactions transactions() {
        return stores.transactions();
    }

    public CertificateStore certificates() {
        return stores.certificates();
    }

    public IssuerStore issuers() {
        return stores.issuers();
    }

    public ProfileStore profiles() {
        return stores.profiles();
    }

    public OperatorStore operators() {
        return stores.operators();
    }

    public AuditLog auditLog() {
        return stores.auditLog();
    }

    /** The revocation ports (docs/flows/revocation.md), on the same transactions as {@link #stores()}. */
    public Revocations revocations() {
        return revocations;
    }

    /** Jobs, their cluster-wide leases and every run (docs/flows/jobs.md), on the same transactions. */
    public JobStore jobs() {
        return jobs;
    }

    /** Registration requests (docs/flows/registration.md), on the same transactions as {@link #stores()}. */
    public RequestStore requests() {
        return requests;
    }

    /** For tests and tools in this module that need plain SQL. */
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

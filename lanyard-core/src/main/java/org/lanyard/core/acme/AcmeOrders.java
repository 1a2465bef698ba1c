package org.lanyard.core.acme;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: orders and their authorizations. Status changes are conditional (compare and set). */
public interface AcmeOrders {

    void insert(Order order, List<Authorization> authorizations);

    Optional<Order> find(String id);

    List<Authorization> authorizations(String orderId);

    Optional<Authorization> findAuthorization(String id);

    /** Sets status (and error, serial) only if the stored status is {@code from}; false otherwise. */
    boolean transition(String orderId, Order.Status from, Order.Status to, String serial, String errorType,
            String errorDetail, Instant at);

    /** Replaces the authorization only if its stored status is {@code from}; false otherwise. */
    boolean finish(Authorization authorization, Authorization.Status from);

    /** Orders by the account, newest first, at most {@code limit}. */
    List<Order> byAccount(String accountId, int limit);

    int countOrdersSince(String accountId, Instant since);

    /** Orders that reached VALID since {@code since} naming a DNS identifier equal to or below {@code domain}. */
    int countIssuedForDomainSince(String domain, Instant since);

    /** The order (of any account) whose certificate has this serial. */
    Optional<Order> findByCertificate(String serialHex);
}

package org.lanyard.core.acme;

import org.lanyard.core.tx.Transactions;

/** The ACME ports together, as the store provides them. */
public record AcmeStorage(AcmeAccounts accounts, AcmeOrders orders, AcmeEabKeys eabKeys, AcmeEndpoints endpoints,
        NonceLedger nonces, Transactions transactions) {
}

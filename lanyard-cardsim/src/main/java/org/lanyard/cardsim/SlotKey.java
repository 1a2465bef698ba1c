package org.lanyard.cardsim;

import java.security.PrivateKey;
import java.security.PublicKey;
import org.lanyard.cards.piv.KeyAlgorithm;

/** A key held in a slot of the virtual card, with the policies it was created with. */
record SlotKey(KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey, int pinPolicy, int touchPolicy,
               int origin) {
}

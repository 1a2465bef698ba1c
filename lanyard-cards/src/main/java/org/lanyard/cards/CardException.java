package org.lanyard.cards;

/**
 * The card refused a command. Carries the status word so callers (and operators reading a card
 * session log) see exactly what the card said; subclasses name the cases a caller acts on.
 */
public class CardException extends RuntimeException {

    private final int statusWord;

    public CardException(String operation, int statusWord) {
        this(operation, statusWord, describe(statusWord));
    }

    protected CardException(String operation, int statusWord, String reason) {
        super(String.format("%s failed: %s (SW %04X)", operation, reason, statusWord));
        this.statusWord = statusWord;
    }

    public int statusWord() {
        return statusWord;
    }

    /** The typed exception for a status word other than 9000. */
    public static CardException of(String operation, int sw) {
        if ((sw & 0xFFF0) == 0x63C0) {
            return new WrongSecretException(operation, sw, sw & 0x0F);
        }
        return switch (sw) {
            case 0x6983 -> new SecretBlockedException(operation, sw);
            case 0x6982 -> new SecurityConditionException(operation, sw);
            case 0x6A82, 0x6A88 -> new NotFoundException(operation, sw);
            case 0x6D00, 0x6E00, 0x6A81 -> new UnsupportedCommandException(operation, sw);
            default -> new CardException(operation, sw);
        };
    }

    static String describe(int sw) {
        if ((sw & 0xFFF0) == 0x63C0) {
            return "verification failed, " + (sw & 0x0F) + " tries left";
        }
        return switch (sw) {
            case 0x6300 -> "verification failed";
            case 0x6581 -> "memory failure";
            case 0x6700 -> "wrong length";
            case 0x6883 -> "last command of the chain expected";
            case 0x6982 -> "security status not satisfied";
            case 0x6983 -> "authentication method blocked";
            case 0x6984 -> "reference data not usable";
            case 0x6985 -> "conditions of use not satisfied";
            case 0x6A80 -> "incorrect data";
            case 0x6A81 -> "function not supported";
            case 0x6A82 -> "file or application not found";
            case 0x6A84 -> "not enough memory";
            case 0x6A86 -> "incorrect P1/P2";
            case 0x6A88 -> "referenced data not found";
            case 0x6B00 -> "wrong parameters";
            case 0x6D00 -> "instruction not supported";
            case 0x6E00 -> "class not supported";
            case 0x6F00 -> "unknown error";
            default -> "card error";
        };
    }

    /** Wrong PIN, PUK or key: {@link #triesLeft()} tries remain before the secret blocks. */
    public static class WrongSecretException extends CardException {
        private final int triesLeft;

        public WrongSecretException(String operation, int sw, int triesLeft) {
            super(operation, sw);
            this.triesLeft = triesLeft;
        }

        public int triesLeft() {
            return triesLeft;
        }
    }

    /** The PIN or PUK is blocked (6983). */
    public static class SecretBlockedException extends CardException {
        public SecretBlockedException(String operation, int sw) {
            super(operation, sw);
        }
    }

    /** The command needs a PIN or management-key authentication first (6982). */
    public static class SecurityConditionException extends CardException {
        public SecurityConditionException(String operation, int sw) {
            super(operation, sw);
        }
    }

    /** The object, key or application does not exist (6A82, 6A88). */
    public static class NotFoundException extends CardException {
        public NotFoundException(String operation, int sw) {
            super(operation, sw);
        }
    }

    /** The card does not implement this command (6D00, 6E00, 6A81). */
    public static class UnsupportedCommandException extends CardException {
        public UnsupportedCommandException(String operation, int sw) {
            super(operation, sw);
        }
    }
}

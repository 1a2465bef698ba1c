package org.lanyard.cards.piv.apdu;

import java.util.HexFormat;
import java.util.List;
import org.lanyard.cards.CommandApdu;
import org.lanyard.cards.ResponseApdu;

/** Test vectors are written as hex with spaces where the structure is; these read and write them. */
final class Hex {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static ResponseApdu response(String hex) {
        return ResponseApdu.parse(bytes(hex));
    }

    /** The APDUs a command goes out as when the card answers every piece with 9000. */
    static List<String> apdus(PivCommand command) {
        List<String> out = new java.util.ArrayList<>();
        ResponseAssembler.Next next = ResponseAssembler.start(command);
        while (next instanceof ResponseAssembler.Send send) {
            out.add(of(send.apdu().encode()));
            next = send.then().accept(ResponseApdu.status(0x9000));
        }
        return out;
    }

    static String apdu(CommandApdu apdu) {
        return of(apdu.encode());
    }

    static String repeat(String byteHex, int times) {
        return byteHex.repeat(times);
    }
}

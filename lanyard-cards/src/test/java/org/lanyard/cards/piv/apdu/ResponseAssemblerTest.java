package org.lanyard.cards.piv.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.cards.piv.apdu.Hex.apdu;
import static org.lanyard.cards.piv.apdu.Hex.bytes;
import static org.lanyard.cards.piv.apdu.Hex.response;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lanyard.cards.CardException;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.piv.PivObjects;
import org.lanyard.cards.piv.PivSlot;

/** Chaining out, 61xx and 6Cxx in, one answer at a time, and the state between answers as bytes. */
class ResponseAssemblerTest {

    private static final PivCommand GET_CHUID = PivCommands.getData(PivObjects.CHUID);

    @Test
    void moreDataIsFetchedWithGetResponseAndJoined() {
        ResponseAssembler.Send first = ResponseAssembler.start(GET_CHUID);
        assertThat(apdu(first.apdu())).isEqualTo("00CB3FFF055C035FC10200");

        ResponseAssembler.Send more = (ResponseAssembler.Send) first.then().accept(response("5381FF0102030405" + "6110"));
        assertThat(apdu(more.apdu())).isEqualTo("00C0000010");

        ResponseAssembler.Send rest = (ResponseAssembler.Send) more.then().accept(response("AA".repeat(16) + "6100"));
        assertThat(apdu(rest.apdu())).as("61 00 means 256 more").isEqualTo("00C0000000");

        ResponseAssembler.Done done = (ResponseAssembler.Done) rest.then().accept(response("BB".repeat(3) + "9000"));
        assertThat(done.response().sw()).isEqualTo(0x9000);
        assertThat(done.response().data()).isEqualTo(bytes("5381FF0102030405" + "AA".repeat(16) + "BBBBBB"));
        assertThat(done.command()).isEqualTo(GET_CHUID);
    }

    @Test
    void anErrorAfterMoreDataKeepsWhatCameAndTheErrorWord() {
        ResponseAssembler.Send more = (ResponseAssembler.Send) ResponseAssembler.start(GET_CHUID).then().accept(response("01" + "6101"));

        ResponseAssembler.Done done = (ResponseAssembler.Done) more.then().accept(response("6F00"));

        assertThat(done.response().sw()).isEqualTo(0x6F00);
        assertThat(done.response().data()).isEqualTo(bytes("01"));
    }

    @Test
    void chainStopsAtTheFirstRefusedPiece() {
        PivCommand put = PivCommands.putData(PivSlot.AUTHENTICATION.certificateTag(), new byte[600]);
        ResponseAssembler.Send first = ResponseAssembler.start(put);
        assertThat(first.apdu().cla()).isEqualTo(0x10);

        ResponseAssembler.Next next = first.then().accept(response("6982"));

        assertThat(next).isInstanceOfSatisfying(ResponseAssembler.Done.class, d -> assertThat(d.response().sw()).isEqualTo(0x6982));
    }

    @Test
    void chainSendsEveryPieceThenTheLast() {
        PivCommand put = PivCommands.putData(PivSlot.AUTHENTICATION.certificateTag(), new byte[600]);
        int total = put.data().length;
        ResponseAssembler.Next next = ResponseAssembler.start(put);
        int pieces = 0;
        int bytesOut = 0;
        while (next instanceof ResponseAssembler.Send send) {
            pieces++;
            bytesOut += send.apdu().data().length;
            assertThat(send.apdu().cla()).isEqualTo(bytesOut < total ? 0x10 : 0x00);
            assertThat(send.apdu().ne()).isZero();
            next = send.then().accept(ResponseApdu.status(0x9000));
        }
        assertThat(pieces).isEqualTo(3);
        assertThat(bytesOut).isEqualTo(total);
    }

    @Test
    void dataOfExactlyOnePieceIsNotChained() {
        PivCommand put = PivCommands.putData(PivObjects.PRINTED_INFORMATION, new byte[255 - 8]);
        assertThat(put.data()).hasSize(255);

        ResponseAssembler.Send only = ResponseAssembler.start(put);

        assertThat(only.apdu().cla()).isZero();
        assertThat(only.then().accept(ResponseApdu.status(0x9000))).isInstanceOf(ResponseAssembler.Done.class);
    }

    @Test
    void wrongLeIsCorrectedOnce() {
        ResponseAssembler.Send again = (ResponseAssembler.Send) ResponseAssembler.start(GET_CHUID).then().accept(response("6C08"));
        assertThat(apdu(again.apdu())).isEqualTo("00CB3FFF055C035FC10208");

        assertThat(again.then().accept(response("6C08")))
                .isInstanceOfSatisfying(ResponseAssembler.Done.class, d -> assertThat(d.response().sw()).isEqualTo(0x6C08));
        assertThat(again.then().accept(response("0102030405060708" + "9000")))
                .isInstanceOfSatisfying(ResponseAssembler.Done.class, d -> assertThat(d.response().data()).hasSize(8));
    }

    @Test
    void aCardThatNeverStopsIsCutOff() {
        ResponseAssembler.Next next = ResponseAssembler.start(GET_CHUID);
        ResponseApdu endless = new ResponseApdu(new byte[256], 0x6100);
        assertThatThrownBy(() -> {
            ResponseAssembler.Next n = next;
            while (n instanceof ResponseAssembler.Send send) {
                n = send.then().accept(endless);
            }
        }).isInstanceOfSatisfying(CardException.class, e -> assertThat(e.statusWord()).isEqualTo(0x6700));
    }

    @Test
    void stateResumesFromItsBytesAtEveryStep() {
        byte[] content = new byte[700];
        Arrays.fill(content, (byte) 0x5A);
        PivCommand put = PivCommands.putData(PivSlot.SIGNATURE.certificateTag(), content);
        StringBuilder sentInOneProcess = new StringBuilder();
        StringBuilder sentAcrossNodes = new StringBuilder();

        ResponseAssembler.Next here = ResponseAssembler.start(put);
        while (here instanceof ResponseAssembler.Send send) {
            sentInOneProcess.append(apdu(send.apdu())).append('\n');
            here = send.then().accept(ResponseApdu.status(0x9000));
        }
        ResponseAssembler.Next there = ResponseAssembler.start(put);
        while (there instanceof ResponseAssembler.Send send) {
            sentAcrossNodes.append(apdu(send.apdu())).append('\n');
            byte[] stored = send.then().encode();
            ResponseAssembler restored = ResponseAssembler.decode(stored);
            assertThat(restored).isEqualTo(send.then());
            there = restored.accept(ResponseApdu.status(0x9000));
        }

        assertThat(sentAcrossNodes.toString()).isEqualTo(sentInOneProcess.toString());
        assertThat(((ResponseAssembler.Done) there).response().sw()).isEqualTo(0x9000);
    }

    @Test
    void stateWithReceivedDataResumesToo() {
        ResponseAssembler.Send more = (ResponseAssembler.Send) ResponseAssembler.start(GET_CHUID).then().accept(response("0102" + "6102"));

        ResponseAssembler restored = ResponseAssembler.decode(more.then().encode());

        assertThat(restored.awaiting().ins()).isEqualTo(0xC0);
        ResponseAssembler.Done done = (ResponseAssembler.Done) restored.accept(response("0304" + "9000"));
        assertThat(done.response().data()).isEqualTo(bytes("01020304"));
        assertThat(done.command()).isEqualTo(GET_CHUID);
    }

    @Test
    void encodedStateIsCheckedOnTheWayIn() {
        byte[] good = ResponseAssembler.start(GET_CHUID).then().encode();
        byte[] otherFormat = good.clone();
        otherFormat[2] = 9;

        assertThatThrownBy(() -> ResponseAssembler.decode(otherFormat)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponseAssembler.decode(Arrays.copyOf(good, good.length - 3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponseAssembler.decode(bytes("800101"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textShowsProgressNotData() {
        ResponseAssembler state = ResponseAssembler.start(PivCommands.verifyPin("123456")).then();
        assertThat(state.toString()).isEqualTo("ResponseAssembler[VERIFY PIN, 8 of 8 bytes sent, 0 received]");
    }
}

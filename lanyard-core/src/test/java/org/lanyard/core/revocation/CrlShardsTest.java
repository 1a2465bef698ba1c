package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ca.Serials;

class CrlShardsTest {

    @ParameterizedTest
    @CsvSource({
            "01, 1, 0",                                     // one shard holds everything
            "07, 4, 3",                                     // small serials: plain remainder
            "ffffffffffffffff, 10, 5",                      // 2^64-1 read unsigned: 18446744073709551615 mod 10
            "0100000000000000000000000000000003, 4, 3",     // only the low 64 bits count
            "8000000000000000, 3, 2",                       // 2^63 mod 3, not a negative long
    })
    void shardIsTheLow64BitsOfTheSerialModuloTheCount(String hex, int count, int shard) {
        assertThat(CrlShards.shardOf(new BigInteger(hex, 16), count)).isEqualTo(shard);
    }

    @Test
    void csprngSerialsFillShardsEvenly() {
        Serials serials = new Serials(new SecureRandom());
        int[] counts = new int[8];
        for (int i = 0; i < 8000; i++) {
            counts[CrlShards.shardOf(serials.next(), 8)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(800, 1200);
        }
    }

    @Test
    void urlTemplateNamesTheShard() {
        assertThat(CrlShards.url("http://crl.example/ca/${shard}.crl", BigInteger.valueOf(13), 4))
                .isEqualTo("http://crl.example/ca/1.crl");
    }

    @Test
    void shardedPoliciesNeedThePlaceholderAndSaneCounts() {
        assertThatThrownBy(() -> new CrlPolicy(4, "http://crl.example/ca.crl", null, Duration.ofDays(1), null, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrlShards.shardOf(BigInteger.ONE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrlShards.shardOf(BigInteger.ZERO, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

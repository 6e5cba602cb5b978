package io.devopsparadise.gateway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenHasherTests {

    @Test
    void newTokensAreUniquePrefixedSecrets() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(TokenHasher.newToken("pdb_"));
        }

        assertThat(tokens).hasSize(1000).allMatch(t -> t.matches("pdb_[A-Za-z0-9_-]{43}"));
    }

    @Test
    void storesOnlyAStableSha256() {
        String token = TokenHasher.newToken("pdb_");

        assertThat(TokenHasher.hash(token))
                .hasSize(64)
                .isEqualTo(TokenHasher.hash(token))
                .doesNotContain(token);
        assertThat(TokenHasher.matches(TokenHasher.hash(token), TokenHasher.hash(token)))
                .isTrue();
        assertThat(TokenHasher.matches(TokenHasher.hash(token), TokenHasher.hash(token + "x")))
                .isFalse();
    }
}

package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Stored hashes (API keys, password and invitation links, consent versions, certificates' PDFs) were written by the
 * copies this class replaced: the vectors of FIPS 180-2 and one Russian text (by {@code sha256sum}) pin its bytes.
 */
class Sha256Tests {

	@Test
	void givesTheStandardDigestOfAbc() {
		assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Sha256.of("abc"))
			.isEqualTo(HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
	}

	@Test
	void givesTheStandardDigestsOfTheEmptyAndTheTwoBlockMessage() {
		assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
			.isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	}

	@Test
	void hashesTextAsItsUtf8Bytes() {
		assertThat(Sha256.hex("Согласие")).isEqualTo("205f97be66e6a1dfeb5b36a88af24f2d53b7a52405db4692731c76fb7574fe83");
		assertThat(Sha256.hex("Согласие".getBytes(StandardCharsets.UTF_8))).isEqualTo(Sha256.hex("Согласие"));
		assertThat(Sha256.of("Согласие")).isEqualTo(Sha256.of("Согласие".getBytes(StandardCharsets.UTF_8)));
	}
}

package ru.kredo.privacy;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A keyed hash (HMAC-SHA-256) of a normalized identifier, for exact lookup: equal identifiers of the same kind give
 * equal indexes in every tenant, and nobody without the index key can test a guess against it.
 */
public record BlindIndex(byte[] bytes) {

	public BlindIndex {
		if (bytes == null || bytes.length != 32) {
			throw new IllegalArgumentException("a blind index is 32 bytes");
		}
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BlindIndex index && Arrays.equals(bytes, index.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return "BlindIndex[" + HexFormat.of().formatHex(bytes, 0, 4) + "…]";
	}
}

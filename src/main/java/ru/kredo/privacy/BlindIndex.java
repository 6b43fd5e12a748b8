package ru.kredo.privacy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A keyed hash (HMAC-SHA-256) of a normalized identifier, for exact lookup: equal identifiers of the same kind give
 * equal indexes in every tenant, and nobody without the index key can test a guess against it.
 */
public record BlindIndex(byte[] bytes) {

	private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

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

	/** The first eight bytes as a big-endian long: a key for in-memory prefilters (as {@code watched_key} in SQL). */
	public long prefix() {
		return (long) BIG_ENDIAN_LONG.get(bytes, 0);
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

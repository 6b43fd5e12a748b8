package ru.kredo.privacy;

import java.util.Arrays;

/**
 * A personal value encrypted at rest: {@code key version (1 byte) | nonce (12) | ciphertext and tag}. It prints as
 * {@code Sealed[…]} so it cannot leak into a log.
 */
public record Sealed(byte[] bytes) {

	public Sealed {
		if (bytes == null || bytes.length < 1 + 12 + 16) {
			throw new IllegalArgumentException("not a sealed value");
		}
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Sealed sealed && Arrays.equals(bytes, sealed.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return "Sealed[…]";
	}
}

package ru.kredo.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of the application: what API keys, password links, invitation links are stored and looked up by,
 * a consent text's version and an issued PDF's proof. Text is hashed as its UTF-8 bytes (the tokens are ASCII, so
 * their bytes are the same in any of the usual charsets); hex is lower case. Stored hashes depend on this byte for
 * byte: {@code Sha256Tests} pins known vectors.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** The 32-byte digest of {@code bytes}. */
	public static byte[] of(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException impossible) {
			// every Java platform must have it (MessageDigest's own documentation)
			throw new IllegalStateException("SHA-256 is unavailable", impossible);
		}
	}

	/** The 32-byte digest of {@code text}'s UTF-8 bytes. */
	public static byte[] of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The digest of {@code bytes} as 64 lower-case hex digits. */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(of(bytes));
	}

	/** The digest of {@code text}'s UTF-8 bytes as 64 lower-case hex digits. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}
}

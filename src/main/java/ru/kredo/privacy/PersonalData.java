package ru.kredo.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Service;

import ru.kredo.privacy.internal.PersonalDataKeys;

/**
 * Seals and opens personal values and computes their blind indexes.
 * <p>
 * Every value is sealed for a {@code field} such as {@code "contacts.passport"}; the field is bound into the
 * ciphertext as associated data, so a value copied into another column does not open.
 */
@Service
public class PersonalData {

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final int SHA_256_BLOCK = 64;

	private final PersonalDataKeys keys;
	private final SecretKeySpec encryptionKey;
	private final SecureRandom random = new SecureRandom();
	// Looking up a Cipher costs more than using it; a batch uses millions. Any thread takes one and returns it (a pool
	// rather than thread locals: web requests run on short-lived virtual threads).
	private final Queue<Cipher> ciphers = new ConcurrentLinkedQueue<>();
	private final Map<String, MessageDigest> innerByKind = new ConcurrentHashMap<>();
	private final MessageDigest outer;

	PersonalData(PersonalDataKeys keys) {
		this.keys = keys;
		this.encryptionKey = new SecretKeySpec(keys.encryptionKey(), "AES");
		this.outer = sha256(pad(0x5c));
	}

	public Sealed seal(String field, String value) {
		return sealBytes(field, value.getBytes(StandardCharsets.UTF_8));
	}

	public String open(String field, Sealed sealed) {
		return new String(openBytes(field, sealed), StandardCharsets.UTF_8);
	}

	/** Seals bytes (a file: a debtor's attachment; text as its UTF-8) under the field's name as associated data. */
	public Sealed sealBytes(String field, byte[] value) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		Cipher cipher = cipher();
		try {
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = new byte[1 + NONCE_BYTES + cipher.getOutputSize(value.length)];
			sealed[0] = keys.version();
			System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
			cipher.doFinal(value, 0, value.length, sealed, 1 + NONCE_BYTES);
			return new Sealed(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
		finally {
			ciphers.offer(cipher);
		}
	}

	/** Opens what {@link #sealBytes} sealed. */
	public byte[] openBytes(String field, Sealed sealed) {
		byte[] bytes = sealed.bytes();
		if (bytes[0] != keys.version()) {
			throw new IllegalStateException("Sealed with unknown key version " + bytes[0]);
		}
		Cipher cipher = cipher();
		try {
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A sealed value of " + field + " does not open with the configured key", ex);
		}
		finally {
			ciphers.offer(cipher);
		}
	}

	/** The blind index of an already normalized value of one kind (such as {@code "passport"}). */
	public BlindIndex index(String kind, String normalizedValue) {
		byte[] value = normalizedValue.getBytes(StandardCharsets.UTF_8);
		return index(kind, value, value.length);
	}

	/** The same, of a value already in UTF-8: the first {@code length} bytes of the array. */
	public BlindIndex index(String kind, byte[] normalizedUtf8, int length) {
		MessageDigest prepared = innerByKind.get(kind);
		if (prepared == null) {
			prepared = innerByKind.computeIfAbsent(kind, this::inner);
		}
		MessageDigest inner = copy(prepared);
		inner.update(normalizedUtf8, 0, length);
		return new BlindIndex(copy(outer).digest(inner.digest()));
	}

	// HMAC-SHA-256 (RFC 2104) over kind, 0, value: SHA-256 of (key xor opad) and of (key xor ipad, kind, 0, value).
	// Both prefixes are absorbed once, into states that each index copies; the same bytes as the JDK's Mac, without
	// its engine and a pool around it (a bureau's batch computes two indexes per event).
	private MessageDigest inner(String kind) {
		MessageDigest inner = sha256(pad(0x36));
		inner.update(kind.getBytes(StandardCharsets.UTF_8));
		inner.update((byte) 0);
		return inner;
	}

	// The key (32 bytes, PersonalDataKeys) is shorter than SHA-256's block: padded with zeros, as RFC 2104 says.
	private byte[] pad(int with) {
		byte[] key = keys.indexKey();
		byte[] pad = new byte[SHA_256_BLOCK];
		for (int i = 0; i < SHA_256_BLOCK; i++) {
			pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ with);
		}
		return pad;
	}

	private static MessageDigest sha256(byte[] prefix) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(prefix);
			return digest;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

	// A prepared state is only ever copied, never updated, so threads may copy it at once.
	private static MessageDigest copy(MessageDigest prepared) {
		try {
			return (MessageDigest) prepared.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("SHA-256 cannot be copied", ex);
		}
	}

	private Cipher cipher() {
		Cipher cipher = ciphers.poll();
		if (cipher != null) {
			return cipher;
		}
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	}
}

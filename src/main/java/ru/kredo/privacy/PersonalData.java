package ru.kredo.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Cipher;
import javax.crypto.Mac;
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

	private final PersonalDataKeys keys;
	private final SecretKeySpec encryptionKey;
	private final SecretKeySpec indexKey;
	private final SecureRandom random = new SecureRandom();
	// Looking up a Mac or Cipher costs more than using it; a batch uses millions. Any thread takes one and returns it
	// (pools rather than thread locals: web requests run on short-lived virtual threads).
	private final Queue<Mac> macs = new ConcurrentLinkedQueue<>();
	private final Queue<Cipher> ciphers = new ConcurrentLinkedQueue<>();

	PersonalData(PersonalDataKeys keys) {
		this.keys = keys;
		this.encryptionKey = new SecretKeySpec(keys.encryptionKey(), "AES");
		this.indexKey = new SecretKeySpec(keys.indexKey(), "HmacSHA256");
	}

	public Sealed seal(String field, String value) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		Cipher cipher = cipher();
		try {
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			byte[] ciphertext = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = new byte[1 + NONCE_BYTES + ciphertext.length];
			sealed[0] = keys.version();
			System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
			System.arraycopy(ciphertext, 0, sealed, 1 + NONCE_BYTES, ciphertext.length);
			return new Sealed(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
		finally {
			ciphers.offer(cipher);
		}
	}

	public String open(String field, Sealed sealed) {
		byte[] bytes = sealed.bytes();
		if (bytes[0] != keys.version()) {
			throw new IllegalStateException("Sealed with unknown key version " + bytes[0]);
		}
		Cipher cipher = cipher();
		try {
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
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
		Mac mac = macs.poll();
		try {
			if (mac == null) {
				mac = Mac.getInstance("HmacSHA256");
				mac.init(indexKey);
			}
			mac.update(kind.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			// doFinal resets the Mac to its key, ready for the next value.
			BlindIndex index = new BlindIndex(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
			macs.offer(mac);
			return index;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is unavailable", ex);
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

package ru.kredo.privacy.internal;

/**
 * The two 256-bit keys: one encrypts, the other computes blind indexes. Kept apart so that rotating the encryption
 * key does not invalidate every index.
 */
public record PersonalDataKeys(byte version, byte[] encryptionKey, byte[] indexKey) {

	public PersonalDataKeys {
		if (encryptionKey.length != 32 || indexKey.length != 32) {
			throw new IllegalArgumentException("kredo.crypto keys must be 32 bytes, Base64-encoded");
		}
		encryptionKey = encryptionKey.clone();
		indexKey = indexKey.clone();
	}

	@Override
	public byte[] encryptionKey() {
		return encryptionKey.clone();
	}

	@Override
	public byte[] indexKey() {
		return indexKey.clone();
	}

	@Override
	public String toString() {
		return "PersonalDataKeys[version=" + version + "]";
	}
}

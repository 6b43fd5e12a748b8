package ru.kredo.apikeys;

/** A new key together with its secret, which exists only in this object and is shown to the user once. */
public record IssuedApiKey(ApiKey key, String secret) implements java.io.Serializable {

	@Override
	public String toString() {
		return "IssuedApiKey[" + key.id() + "]";
	}
}

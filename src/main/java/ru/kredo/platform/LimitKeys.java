package ru.kredo.platform;

/**
 * What the shared store of limits ({@link RateLimits}) keeps of a limit's key: a keyed hash of the login, client
 * address or phone, never the value itself (152-ФЗ: the tables of limits are no register of who tried what). The
 * privacy module holds the key.
 */
public interface LimitKeys {

	/** The stored id of {@code key} under the limit {@code limit}: the same on every node, at most 100 characters. */
	String of(String limit, String key);
}

package ru.kredo.privacy;

import java.util.Base64;

import org.springframework.stereotype.Component;

import ru.kredo.platform.LimitKeys;

/** A limit's key as the shared store of limits keeps it: the limit's name and the key's blind index (HMAC-SHA-256). */
@Component
class HashedLimitKeys implements LimitKeys {

	private final PersonalData personalData;

	HashedLimitKeys(PersonalData personalData) {
		this.personalData = personalData;
	}

	@Override
	public String of(String limit, String key) {
		return limit + ":" + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(personalData.index("rate-limit " + limit, key).bytes());
	}
}

package ru.kredo.monitoring;

import ru.kredo.privacy.BlindIndex;

/**
 * An active watch with the blind indexes its contact is found by, for matching credit events; {@code externalId} is
 * the contact's id in the tenant's own system, carried into the signal and its webhook.
 */
public record WatchedPerson(Watch watch, String contactName, String listName, BlindIndex passportIndex,
		BlindIndex nameAndBirthDateIndex, String externalId) {

	public WatchedPerson(Watch watch, String contactName, String listName, BlindIndex passportIndex,
			BlindIndex nameAndBirthDateIndex) {
		this(watch, contactName, listName, passportIndex, nameAndBirthDateIndex, null);
	}
}

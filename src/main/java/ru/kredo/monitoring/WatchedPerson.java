package ru.kredo.monitoring;

import ru.kredo.privacy.BlindIndex;

/** An active watch with the blind indexes its contact is found by, for matching credit events. */
public record WatchedPerson(Watch watch, String contactName, String listName, BlindIndex passportIndex,
		BlindIndex nameAndBirthDateIndex) {
}

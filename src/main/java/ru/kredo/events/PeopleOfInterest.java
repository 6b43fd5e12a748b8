package ru.kredo.events;

import ru.kredo.privacy.BlindIndex;

/**
 * Whom events are collected for. An event about a person of interest is stored with its subject (sealed) and blind
 * indexes; any other keeps only what happened, when, and from which source: nobody has consent to follow that person,
 * so Kredo keeps no personal data of theirs (152-ФЗ: no more than the purpose needs; 218-ФЗ: a credit history is used
 * only with the subject's consent). Most of a bureau's feed is about such people.
 * <p>
 * Implemented by whoever follows people (monitoring); without an implementation every event keeps its subject.
 */
public interface PeopleOfInterest {

	/**
	 * Brings the answers up to everything committed so far. Called once in the transaction that stores a chunk, before
	 * {@link #mayInclude}.
	 */
	void refresh();

	/** False only if nobody follows a person with these blind indexes (as of the last {@link #refresh()}). */
	boolean mayInclude(BlindIndex passport, BlindIndex nameAndBirthDate);
}

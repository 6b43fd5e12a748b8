package ru.kredo.monitoring;

/** How the subject gave his consent to the use of his credit history. */
public enum ConsentMethod {
	PAPER,
	ELECTRONIC_SIGNATURE,
	WEBSITE,
	OTHER
}

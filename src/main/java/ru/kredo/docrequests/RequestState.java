package ru.kredo.docrequests;

/** Where a document request stands: принят, готов, отказано. */
public enum RequestState {
	/** Waiting for the agency's answer. */
	OPEN,
	/** Answered with a PDF, one of the debtor's documents. */
	ANSWERED,
	/** Declined with a reason the debtor reads. */
	DECLINED
}

package ru.kredo.cabinet;

/** The steps of a visit to the cabinet, in order; each visitor's furthest step tells where he left. */
public enum FunnelStep {
	VISIT,
	LOGIN_STARTED,
	CODE_SENT,
	CODE_CONFIRMED,
	DEBT_VIEWED,
	OFFER_VIEWED,
	OFFER_ACCEPTED,
	PAYMENT_STARTED,
	PAYMENT_SUCCEEDED
}

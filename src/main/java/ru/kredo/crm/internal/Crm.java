package ru.kredo.crm.internal;

/** The CRM a queued delivery goes to: the queue ({@link CrmDeliveries}) serves every connector. */
public enum Crm {
	AMOCRM, BITRIX24
}

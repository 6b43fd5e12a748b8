package ru.kredo.contacting;

/** How a contact reaches the debtor, and which limit it counts against. */
public enum Channel {

	SMS(ContactKind.MESSAGE, true),
	EMAIL(ContactKind.MESSAGE, true),
	MESSENGER(ContactKind.MESSAGE, true),
	/** A recorded voice message (голосовое сообщение, ч. 5 ст. 7): a message, not a call. */
	VOICE_MESSAGE(ContactKind.MESSAGE, false),
	/** A message through Госуслуги (with the debtor's consent, 467-ФЗ). */
	GOSUSLUGI(ContactKind.MESSAGE, true),
	/** An operator's telephone call. */
	CALL(ContactKind.CALL, false),
	/** A voice robot's call (автоматизированный интеллектуальный агент): counts as a call since 467-ФЗ. */
	VOICE_ROBOT(ContactKind.CALL, false);

	private final ContactKind kind;
	private final boolean electronic;

	Channel(ContactKind kind, boolean electronic) {
		this.kind = kind;
		this.electronic = electronic;
	}

	public ContactKind kind() {
		return kind;
	}

	/** Whether its text must name the creditor and a contact phone (137-ФЗ: SMS, e-mail, messengers…). */
	public boolean isElectronic() {
		return electronic;
	}
}

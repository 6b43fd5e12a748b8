package ru.kredo.contacting;

/** Which of the two limits of ст. 7 230-ФЗ a contact counts against. */
public enum ContactKind {

	/** A message: text, e-mail, messenger, a recorded voice message (ч. 5 ст. 7): 2 a day, 4 a week, 16 a month. */
	MESSAGE(new ContactLimits(2, 4, 16)),
	/**
	 * A telephone conversation, an operator's or a voice robot's (ч. 3 ст. 7, «в том числе с использованием
	 * автоматизированного интеллектуального агента» since 467-ФЗ): 1 a day, 2 a week, 8 a month.
	 */
	CALL(new ContactLimits(1, 2, 8));

	private final ContactLimits limits;

	ContactKind(ContactLimits limits) {
		this.limits = limits;
	}

	public ContactLimits limits() {
		return limits;
	}
}

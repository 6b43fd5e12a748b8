package ru.kredo.conversations;

/** A conversation as the inbox lists it: the debtor's name and the name of the operator it is assigned to. */
public record InboxLine(Conversation conversation, String debtorName, String assigneeName) {

	@Override
	public String toString() {
		return "InboxLine[" + conversation.id() + "]";
	}
}

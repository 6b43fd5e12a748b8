package ru.kredo.docrequests;

import java.util.UUID;

import ru.kredo.contacts.ContactId;

/** A debtor's document opened for download: whose it is, its name and its bytes (a PDF, checked when it came). */
public record DocumentFile(UUID id, ContactId contactId, String fileName, byte[] content) {

	@Override
	public String toString() {
		return "DocumentFile[" + id + ", " + content.length + " bytes]";
	}
}

package ru.kredo.conversations;

/** An attached file opened for download: which conversation it is in, its name, type and bytes. */
public record AttachmentFile(ConversationId conversationId, String fileName, FileType type, byte[] content) {

	@Override
	public String toString() {
		return "AttachmentFile[" + type + ", " + content.length + " bytes]";
	}
}

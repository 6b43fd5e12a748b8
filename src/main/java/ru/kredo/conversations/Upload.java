package ru.kredo.conversations;

/** A file as it came with a message, not yet checked: the name the sender gave it and its bytes. */
public record Upload(String fileName, byte[] content) {

	public Upload {
		fileName = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
		content = content == null ? new byte[0] : content;
	}

	@Override
	public String toString() {
		return "Upload[" + content.length + " bytes]";
	}
}

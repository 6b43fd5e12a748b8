package ru.kredo.conversations;

import java.util.Optional;

/**
 * The files a conversation takes (a receipt, a medical certificate, a letter), recognised by their first bytes, never
 * by their name or the Content-Type a browser sends.
 */
public enum FileType {

	PDF("application/pdf", "pdf"),
	JPEG("image/jpeg", "jpg"),
	PNG("image/png", "png");

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };
	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String mediaType;
	private final String extension;

	FileType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	/** The type the content's first bytes say; empty for anything else. */
	public static Optional<FileType> of(byte[] content) {
		if (startsWith(content, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(content, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		return Optional.empty();
	}

	static FileType ofMediaType(String mediaType) {
		for (FileType type : values()) {
			if (type.mediaType.equals(mediaType)) {
				return type;
			}
		}
		throw new IllegalArgumentException(mediaType);
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content == null || content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}
}

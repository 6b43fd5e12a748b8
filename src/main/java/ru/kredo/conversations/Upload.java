package ru.kredo.conversations;

import java.io.IOException;

import org.springframework.web.multipart.MultipartFile;

/** A file as it came with a message, not yet checked: the name the sender gave it and its bytes. */
public record Upload(String fileName, byte[] content) {

	public Upload {
		fileName = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
		content = content == null ? new byte[0] : content;
	}

	/**
	 * The file field of a form as sent: none when no file was chosen (an empty part without a name); an empty file
	 * that has a name is a file, refused later as empty.
	 */
	public static Upload of(MultipartFile file) throws IOException {
		if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			return null;
		}
		return new Upload(file.getOriginalFilename(), file.getBytes());
	}

	@Override
	public String toString() {
		return "Upload[" + content.length + " bytes]";
	}
}

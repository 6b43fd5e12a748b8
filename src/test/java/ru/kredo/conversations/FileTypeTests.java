package ru.kredo.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileTypeTests {

	@Test
	void recognisesPdfJpegAndPngByTheirFirstBytes() {
		assertThat(FileType.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileType.PDF);
		assertThat(FileType.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB })).contains(FileType.JPEG);
		assertThat(FileType.of(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0 })).contains(FileType.PNG);
	}

	@Test
	void refusesEverythingElseWhateverItIsCalled() {
		assertThat(FileType.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(FileType.of("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(FileType.of("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1))).as("a .docx").isEmpty();
		assertThat(FileType.of(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).as("not at the start").isEmpty();
		assertThat(FileType.of(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).as("cut short").isEmpty();
		assertThat(FileType.of(new byte[0])).isEmpty();
		assertThat(FileType.of(null)).isEmpty();
	}

	@Test
	void aFileNameKeepsOnlyItsLastSegmentWithoutControlCharacters() {
		assertThat(Conversations.fileName("C:\\Users\\me\\чек.pdf", FileType.PDF)).isEqualTo("чек.pdf");
		assertThat(Conversations.fileName("../../etc/passwd", FileType.PDF)).isEqualTo("passwd");
		assertThat(Conversations.fileName("a\"b\u0007.png", FileType.PNG)).isEqualTo("ab.png");
		assertThat(Conversations.fileName("..", FileType.JPEG)).isEqualTo("file.jpg");
		assertThat(Conversations.fileName("x".repeat(300) + ".pdf", FileType.PDF)).hasSize(200).endsWith(".pdf");
	}
}

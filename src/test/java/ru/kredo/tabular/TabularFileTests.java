package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.kredo.platform.Rejected;

/** Telling the kinds of uploaded file apart by their first bytes, whatever the name says. */
class TabularFileTests {

	@TempDir
	Path directory;

	@Test
	void refusesAPdfAnImageOrAUtf16TextAsAnUnknownFormat() throws IOException {
		assertUnknown(write("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\n".getBytes(StandardCharsets.ISO_8859_1)));
		assertUnknown(write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' }));
		// Excel's «Unicode text» is UTF-16: every Latin letter is followed by a NUL.
		assertUnknown(write("\uFEFFФИО\tДата рождения\r\n".getBytes(Charset.forName("UTF-16LE"))));
	}

	@Test
	void readsTextWithTabsAndPageBreaksAsCsv() throws IOException {
		Path csv = write("ФИО\tДата рождения\tКомментарий\nИванов Иван\t01.01.1980\tстрока\u000Bвторая\f\n"
			.getBytes(StandardCharsets.UTF_8));
		try (TabularFile file = TabularFile.open(csv)) {
			assertThat(file.header()).containsExactly("ФИО", "Дата рождения", "Комментарий");
			assertThat(file.next().get(0)).isEqualTo("Иванов Иван");
		}
	}

	@Test
	void stillTellsAnOldExcelFileByItsSignature() throws IOException {
		Path xls = write(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 });
		assertThatThrownBy(() -> TabularFile.open(xls)).isInstanceOfSatisfying(Rejected.class,
				rejected -> assertThat(rejected.code()).isEqualTo("import.xls-unsupported"));
	}

	@Test
	void aWorkbookSavedWithAPasswordIsToldApartFromAnOldExcelFile() throws IOException {
		// Office encrypts an .xlsx into the same container as an .xls; "save it as .xlsx" told the broker nothing.
		byte[] signature = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		Path encrypted = write(compoundFile(signature, "EncryptionInfo", "EncryptedPackage"));
		Path xls = write(compoundFile(signature, "Workbook", "SummaryInformation"));

		assertThatThrownBy(() -> TabularFile.open(encrypted)).isInstanceOfSatisfying(Rejected.class,
				rejected -> assertThat(rejected.code()).isEqualTo("import.xlsx-encrypted"));
		assertThatThrownBy(() -> TabularFile.open(xls)).isInstanceOfSatisfying(Rejected.class,
				rejected -> assertThat(rejected.code()).isEqualTo("import.xls-unsupported"));
	}

	/** A compound file's header and, in its first directory sector (at 0x400), 128-byte entries with these names. */
	private static byte[] compoundFile(byte[] signature, String... streams) {
		byte[] file = new byte[0x400 + 128 * (streams.length + 1) + 4096];
		System.arraycopy(signature, 0, file, 0, signature.length);
		for (int i = 0; i < streams.length; i++) {
			byte[] name = streams[i].getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
			System.arraycopy(name, 0, file, 0x400 + 128 * (i + 1), name.length);
		}
		return file;
	}

	private void assertUnknown(Path file) {
		assertThatThrownBy(() -> TabularFile.open(file)).isInstanceOfSatisfying(Rejected.class,
				rejected -> assertThat(rejected.code()).isEqualTo("import.format-unknown"));
	}

	private Path write(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(directory, "upload", ".csv");
		Files.write(file, bytes);
		return file;
	}
}

package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;

import ru.kredo.platform.KredoProperties;
import ru.kredo.platform.StorageFull;

class ImportSpoolTests {

	@TempDir
	Path data;

	@Test
	void anUploadTheDiskHasNoRoomForIsRefusedAsSuchAndNothingOfItIsKept() {
		ImportSpool spool = new ImportSpool(new KredoProperties(data, 0, false));

		// Half written when the disk filled up (ENOSPC, as Linux words it).
		assertThatThrownBy(() -> spool.receive(failingAfterHalf("No space left on device"), 1024 * 1024))
			.isInstanceOf(StorageFull.class)
			.satisfies(refused -> assertThat(((StorageFull) refused).code()).isEqualTo("import.disk-full"));
		assertThat(spooled()).as("what was written of it is deleted").isEmpty();
	}

	@Test
	void anotherFailureStaysWhatItIsAndKeepsNothingEither() {
		ImportSpool spool = new ImportSpool(new KredoProperties(data, 0, false));

		assertThatThrownBy(() -> spool.receive(failingAfterHalf("Connection reset by peer"), 1024 * 1024))
			.isInstanceOf(IOException.class)
			.isNotInstanceOf(StorageFull.class);
		assertThat(spooled()).isEmpty();
	}

	private static MockMultipartFile failingAfterHalf(String error) {
		return new MockMultipartFile("file", "base.csv", "text/csv", "ФИО;Дата рождения\n".getBytes()) {
			@Override
			public void transferTo(Path dest) throws IOException {
				Files.writeString(dest, "ФИО;Дата рож");
				throw new IOException(error);
			}
		};
	}

	private Stream<Path> spooled() {
		try {
			Path imports = data.resolve("imports");
			return Files.isDirectory(imports) ? Files.list(imports).toList().stream() : Stream.empty();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}

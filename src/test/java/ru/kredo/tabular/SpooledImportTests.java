package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.kredo.platform.KredoProperties;
import ru.kredo.platform.Rejected;

/** However an import ends, its record says how, and the spooled file (personal data in the clear) is gone. */
class SpooledImportTests {

	@TempDir
	Path data;

	final List<String> finished = new ArrayList<>();

	@Test
	void aFileReadToTheEndIsDone() throws IOException {
		Path file = spooled("ФИО;Дата рождения\nИванов Иван;01.01.1980\n");
		List<String> read = new ArrayList<>();

		SpooledImport.run(spool(), file, header -> true, () -> "test", this::finish, table -> {
			for (SourceRow row = table.next(); row != null; row = table.next()) {
				read.add(row.get(0));
			}
			return read.size() + " rows";
		});

		assertThat(read).containsExactly("Иванов Иван");
		assertThat(finished).containsExactly("DONE null []");
		assertThat(file).doesNotExist();
	}

	@Test
	void aRefusalOnTheWayEndsItWithItsReasonAndAnythingElseAsImportFailed() throws IOException {
		Path refused = spooled("ФИО\nИванов Иван\n");
		SpooledImport.run(spool(), refused, header -> true, () -> "test", this::finish, table -> {
			throw new Rejected("import.column-missing", "Дата рождения");
		});
		Path broken = spooled("ФИО\nИванов Иван\n");
		SpooledImport.run(spool(), broken, header -> true, () -> "test", this::finish, table -> {
			throw new IllegalStateException("the database went away");
		});

		assertThat(finished).containsExactly("FAILED import.column-missing [Дата рождения]", "FAILED import.failed []");
		assertThat(refused).doesNotExist();
		assertThat(broken).doesNotExist();
	}

	@Test
	void anErrorEvenOutOfMemoryEndsTheImportAsFailedAndNeverLeavesTheThread() throws IOException {
		Path file = spooled("ФИО\nИванов Иван\n");

		SpooledImport.run(spool(), file, header -> true, () -> "test", this::finish, table -> {
			throw new OutOfMemoryError("Java heap space");
		});

		assertThat(finished).containsExactly("FAILED import.failed []");
		assertThat(file).doesNotExist();
	}

	@Test
	void aFileRefusedAtTheStartIsDeletedAtOnce() throws IOException {
		Path file = spooled("ФИО\n");

		assertThatThrownBy(() -> SpooledImport.start(spool(), file, () -> {
			throw new Rejected("import.already-running");
		})).isInstanceOf(Rejected.class);
		assertThat(file).doesNotExist();
		Path kept = spooled("ФИО\n");
		assertThat(SpooledImport.start(spool(), kept, () -> "started")).isEqualTo("started");
		assertThat(kept).exists();
	}

	private void finish(ImportStatus status, String code, List<String> arguments) {
		finished.add(status + " " + code + " " + arguments);
	}

	private ImportSpool spool() {
		return new ImportSpool(new KredoProperties(data, 0, false));
	}

	private Path spooled(String csv) throws IOException {
		Path file = spool().newFile();
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		return file;
	}
}

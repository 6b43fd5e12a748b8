package ru.kredo.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.kredo.platform.KredoProperties;

/**
 * Where uploaded files wait while they are imported ({@code <data directory>/imports}). They hold personal data in
 * the clear, so each is deleted when its import ends, and whatever a dead process left behind is deleted at start.
 */
@Component
public class ImportSpool {

	private static final Logger log = LoggerFactory.getLogger(ImportSpool.class);

	private final Path directory;

	ImportSpool(KredoProperties properties) {
		this.directory = properties.dataDirectory().resolve("imports");
	}

	/** A new, not yet existing file in the spool to write an upload to. */
	public Path newFile() {
		try {
			Files.createDirectories(directory);
			return directory.resolve(UUID.randomUUID() + ".upload");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the spooled upload {}", file.getFileName(), ex);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void deleteLeftovers() throws IOException {
		if (Files.isDirectory(directory)) {
			try (Stream<Path> files = Files.list(directory)) {
				files.filter(f -> f.toString().endsWith(".upload")).forEach(this::delete);
			}
		}
	}
}

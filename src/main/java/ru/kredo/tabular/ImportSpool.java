package ru.kredo.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.springframework.web.multipart.MultipartFile;

import ru.kredo.platform.KredoProperties;
import ru.kredo.platform.StorageFull;
import ru.kredo.platform.TooLarge;

/**
 * Where uploaded files wait while they are imported ({@code <data directory>/imports}). They hold personal data in
 * the clear, so each is deleted when its import ends, and whatever a dead process left behind is deleted at start.
 */
@Component
public class ImportSpool {

	private static final Logger log = LoggerFactory.getLogger(ImportSpool.class);

	// Less room than this left after a failed write: the disk is full.
	private static final long ROOM = 1024 * 1024;

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

	/**
	 * Spools an uploaded file, refusing one over {@code maxBytes} ({@code import.file-too-large}, in megabytes) before
	 * it is written.
	 */
	public Path receive(MultipartFile upload, long maxBytes) throws IOException {
		if (upload.getSize() > maxBytes) {
			throw tooLarge(maxBytes);
		}
		Path file = newFile();
		try {
			upload.transferTo(file);
			return file;
		}
		catch (IOException ex) {
			throw failed(file, ex);
		}
		catch (RuntimeException ex) {
			delete(file);
			throw ex;
		}
	}

	/**
	 * Spools a request's body, refusing it as soon as it passes {@code maxBytes}: its length is not known in advance
	 * (or not to be believed), so the bytes are counted as they arrive.
	 */
	public Path receive(InputStream body, long maxBytes) throws IOException {
		Path file = newFile();
		try (OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			long received = 0;
			for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
				received += read;
				if (received > maxBytes) {
					throw tooLarge(maxBytes);
				}
				out.write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			throw failed(file, ex);
		}
		catch (RuntimeException ex) {
			delete(file);
			throw ex;
		}
		return file;
	}

	/**
	 * Deletes what was written of a file that could not be spooled; a full disk is said as such ({@link StorageFull},
	 * nothing kept, send it again once there is room) rather than as a server error. The disk is full when the error
	 * says so or when, the failed file still on it, less than {@link #ROOM} is left.
	 */
	private IOException failed(Path file, IOException ex) {
		boolean full = String.valueOf(ex.getMessage()).contains("No space left on device")
				|| String.valueOf(ex.getMessage()).contains("not enough space on the disk");
		try {
			full = full || Files.getFileStore(directory).getUsableSpace() < ROOM;
		}
		catch (IOException | RuntimeException unknown) {
			// As the error says.
		}
		delete(file);
		if (full) {
			log.error("The disk of {} is full: an upload was refused", directory);
			StorageFull refused = new StorageFull();
			refused.initCause(ex);
			throw refused;
		}
		return ex;
	}

	private static TooLarge tooLarge(long maxBytes) {
		return new TooLarge("import.file-too-large", Math.max(1, maxBytes / (1024 * 1024)));
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

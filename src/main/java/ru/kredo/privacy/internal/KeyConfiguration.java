package ru.kredo.privacy.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.kredo.platform.EmbeddedDatabase;
import ru.kredo.platform.KredoProperties;

/**
 * Where the keys come from: {@code kredo.crypto.encryption-key} and {@code kredo.crypto.index-key} (Base64, 32 bytes
 * each). With the embedded database and no keys configured they are generated once into
 * {@code <data directory>/keys.properties}, readable by the owner only. An external database without keys is a
 * configuration error: data sealed with a forgotten key is lost.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyConfiguration.CryptoProperties.class)
class KeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KeyConfiguration.class);

	@ConfigurationProperties("kredo.crypto")
	record CryptoProperties(String encryptionKey, String indexKey) {

		@Override
		public String toString() {
			return "CryptoProperties[…]";
		}
	}

	@Bean
	PersonalDataKeys personalDataKeys(CryptoProperties crypto, KredoProperties kredo,
			ObjectProvider<EmbeddedDatabase> embedded) {
		if (hasText(crypto.encryptionKey()) && hasText(crypto.indexKey())) {
			return keys(crypto.encryptionKey(), crypto.indexKey());
		}
		if (embedded.getIfAvailable() == null) {
			throw new IllegalStateException("Set kredo.crypto.encryption-key and kredo.crypto.index-key "
					+ "(32 random bytes each, Base64) when using an external database; see README, Configuration.");
		}
		return generatedKeys(kredo.dataDirectory().resolve("keys.properties"));
	}

	private static PersonalDataKeys generatedKeys(Path file) {
		try {
			Optional<Properties> existing = read(file);
			if (existing.isPresent()) {
				return keys(existing.get().getProperty("encryption-key"), existing.get().getProperty("index-key"));
			}
			SecureRandom random = new SecureRandom();
			Properties generated = new Properties();
			generated.setProperty("encryption-key", randomKey(random));
			generated.setProperty("index-key", randomKey(random));
			Files.createDirectories(file.getParent());
			Files.createFile(file);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				log.debug("File system without POSIX permissions; {} keeps its default ones", file);
			}
			try (Writer out = Files.newBufferedWriter(file)) {
				generated.store(out, "Kredo personal-data keys; losing them loses the sealed data. Never commit.");
			}
			log.info("Generated personal-data keys into {}", file);
			return keys(generated.getProperty("encryption-key"), generated.getProperty("index-key"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write the keys in " + file, ex);
		}
	}

	private static Optional<Properties> read(Path file) throws IOException {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			properties.load(in);
		}
		return Optional.of(properties);
	}

	private static String randomKey(SecureRandom random) {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static PersonalDataKeys keys(String encryptionKey, String indexKey) {
		Base64.Decoder base64 = Base64.getDecoder();
		return new PersonalDataKeys((byte) 1, base64.decode(encryptionKey.trim()), base64.decode(indexKey.trim()));
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}
}

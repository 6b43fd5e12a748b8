package ru.kredo.webhooks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.webhooks.WebhookSecret;

/**
 * Signing secrets at rest: sealed with the privacy module's key (AES-GCM, bound to {@value #FIELD}) in
 * {@code webhook_endpoints.secret_sealed}. An endpoint added before secrets were sealed still has its secret in the
 * plaintext {@code secret} column: it is read from there, and sealed at the next start, which clears the plaintext.
 */
@Component
public class WebhookSecrets {

	static final String FIELD = "webhook_endpoints.secret";
	private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

	private final PersonalData personalData;
	private final JdbcClient jdbc;

	WebhookSecrets(PersonalData personalData, JdbcClient jdbc) {
		this.personalData = personalData;
		this.jdbc = jdbc;
	}

	/** The secret as {@code secret_sealed} holds it. */
	public byte[] seal(WebhookSecret secret) {
		return personalData.seal(FIELD, secret.value()).bytes();
	}

	/** The secret of a row that selected {@code secret} and {@code secret_sealed}: the sealed one when there is one. */
	public WebhookSecret read(ResultSet row) throws SQLException {
		byte[] sealed = row.getBytes("secret_sealed");
		return new WebhookSecret(sealed == null ? row.getString("secret") : personalData.open(FIELD, new Sealed(sealed)));
	}

	/** The secret before the last rotation, of a row that selected {@code previous_secret_sealed}; {@code null} if none. */
	public WebhookSecret readPrevious(ResultSet row) throws SQLException {
		byte[] sealed = row.getBytes("previous_secret_sealed");
		return sealed == null ? null : new WebhookSecret(personalData.open(FIELD, new Sealed(sealed)));
	}

	/**
	 * Seals every secret still in plaintext and clears the plaintext; returns how many. Goes across tenants, as a
	 * one-time upgrade of the table does; a row whose secret changed meanwhile (rotated) is left to its new value.
	 */
	public int sealPlaintext() {
		List<Plaintext> rows = jdbc.sql("select id, tenant_id, secret from webhook_endpoints where secret is not null")
			.query((row, n) -> new Plaintext(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class),
					row.getString("secret")))
			.list();
		int sealed = 0;
		for (Plaintext row : rows) {
			sealed += jdbc.sql("""
					update webhook_endpoints set secret_sealed = ?, secret = null
					where tenant_id = ? and id = ? and secret = ?""")
				.params(seal(new WebhookSecret(row.secret())), row.tenantId(), row.id(), row.secret())
				.update();
		}
		return sealed;
	}

	/** Once at start: nothing that writes a secret writes plaintext any more, so one pass leaves none behind. */
	@EventListener(ApplicationReadyEvent.class)
	void sealPlaintextAtStart() {
		try {
			int sealed = sealPlaintext();
			if (sealed > 0) {
				log.info("Sealed {} webhook secrets stored in plaintext", sealed);
			}
		}
		catch (RuntimeException ex) {
			// The plaintext rows still work; the next start tries again.
			log.error("Could not seal the webhook secrets stored in plaintext", ex);
		}
	}

	private record Plaintext(UUID id, UUID tenantId, String secret) {

		@Override
		public String toString() {
			return "Plaintext[" + id + "]";
		}
	}
}

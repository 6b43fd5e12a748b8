package ru.kredo.accounts;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.PublicAddress;
import ru.kredo.platform.Redacted;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.Sha256;
import ru.kredo.tenancy.TenantId;

/**
 * One-time links that set a user's password: an admin invites a new user ({@code kredo.accounts.invite-link-lifetime},
 * 72 h by default) or resets a user's password ({@code kredo.accounts.reset-link-lifetime}, 24 h). The token is 32
 * random bytes shown once; only its SHA-256 is kept. A link works once and until it expires; a new link for a user
 * ends his earlier ones. Setting the password by a link ends every session the user had. The link goes by e-mail when
 * a mail server is configured, and is always shown to the admin to pass on. See {@code docs/staff-access.md}.
 */
@Service
public class PasswordLinks {

	private static final Logger log = LoggerFactory.getLogger(PasswordLinks.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Why a link was made. */
	public enum Purpose {
		INVITE, RESET
	}

	/** A link just made: its address is shown once; {@code mailed} whether it also went to the user by e-mail. */
	public record IssuedLink(User user, Purpose purpose, URI address, Instant expiresAt, boolean mailed)
			implements java.io.Serializable {

		@Override
		public String toString() {
			return "IssuedLink[" + user.id() + ", " + purpose + "]";
		}
	}

	/** A link that may still be used, with whose password it sets. */
	public record OpenLink(User user, Purpose purpose, Instant expiresAt) {
	}

	private final JdbcClient jdbc;
	private final UserAccounts accounts;
	private final Clock clock;
	private final PublicAddress address;
	private final ObjectProvider<JavaMailSender> mail;
	private final MessageSource messages;
	private final Duration inviteLifetime;
	private final Duration resetLifetime;
	private final String from;
	private final DateTimeFormatter until;

	PasswordLinks(JdbcClient jdbc, UserAccounts accounts, Clock clock, PublicAddress address,
			ObjectProvider<JavaMailSender> mail, MessageSource messages,
			@Value("${kredo.accounts.invite-link-lifetime:72h}") Duration inviteLifetime,
			@Value("${kredo.accounts.reset-link-lifetime:24h}") Duration resetLifetime,
			@Value("${kredo.digests.from:kredo@localhost}") String from,
			BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
		this.address = address;
		this.mail = mail;
		this.messages = messages;
		this.inviteLifetime = inviteLifetime;
		this.resetLifetime = resetLifetime;
		this.from = from;
		this.until = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(calendar.agencyZone());
	}

	/** Adds a user who sets his own password by the link; he cannot sign in before. */
	@Transactional
	public IssuedLink invite(TenantId tenant, String email, String displayName, Role role, UserId by) {
		User user = accounts.createInvited(tenant, email, displayName, role);
		return issue(user, Purpose.INVITE, by);
	}

	/**
	 * A link that sets a new password for the user; his present password works until the link is used. A tenant's
	 * admin ({@code by}) resets only a manager's password: the link is shown to the admin, so a reset of another
	 * admin's would let one admin take over another's account (and act, in the audit log, as him); so would one of a
	 * manager who was an admin (demoted first). Such a
	 * password is reset only by the platform's operator ({@code by} {@code null}, the command line's
	 * {@code user password-link}); see {@code docs/staff-access.md}.
	 */
	@Transactional
	public IssuedLink reset(TenantId tenant, UserId id, UserId by) {
		return reset(tenant, id, by, by != null);
	}

	/**
	 * A reset asked through the tenant's API: an admin's rules of {@link #reset} (a manager's password only), whoever
	 * issued the key — a key of the command line ({@code by} {@code null}) has an admin's powers, never the operator's.
	 */
	@Transactional
	public IssuedLink resetByKey(TenantId tenant, UserId id, UserId by) {
		return reset(tenant, id, by, true);
	}

	private IssuedLink reset(TenantId tenant, UserId id, UserId by, boolean asAdmin) {
		User user = accounts.get(tenant, id);
		if (user.role() == Role.OPERATOR) {
			throw new Rejected("user.role-not-allowed");
		}
		// Nor of a manager who was an admin: demoting another admin first would otherwise take his account all the same.
		if (asAdmin && (user.role() == Role.ADMIN || accounts.everAdmin(tenant, id))) {
			throw new Rejected("user.reset-admin-not-allowed");
		}
		return issue(user, Purpose.RESET, by);
	}

	/**
	 * The platform operator's reset, for whatever user of a tenant (an admin who lost his password included): a link
	 * for the user with this login, printed for the operator to pass on and mailed when a mail server is configured.
	 */
	@Transactional
	public IssuedLink resetByOperator(String email) {
		User user = accounts.credentials(email).map(UserAccounts.Credentials::user)
			.orElseThrow(() -> new Rejected("user.not-found", email));
		if (user.role() == Role.OPERATOR) {
			throw new Rejected("user.role-not-allowed");
		}
		return issue(user, Purpose.RESET, null);
	}

	/**
	 * The invitation sent again: a new link (the earlier ones end) for a user who was invited and has not yet set his
	 * password; anyone else is refused ({@code user.not-invited}), as his password is reset, if at all, by
	 * {@link #reset}.
	 */
	@Transactional
	public IssuedLink inviteAgain(TenantId tenant, UserId id, UserId by) {
		User user = accounts.get(tenant, id);
		if (!accounts.awaitingPassword(tenant, id)) {
			throw new Rejected("user.not-invited");
		}
		return issue(user, Purpose.INVITE, by);
	}

	/** An invited user's invitation: until when his latest link works, or {@code expiresAt} {@code null} if none does. */
	public record Invitation(UserId user, Instant expiresAt) {

		public boolean expired() {
			return expiresAt == null;
		}
	}

	/** The tenant's users who were invited and have not yet set a password, by id. */
	public java.util.Map<UserId, Invitation> invitations(TenantId tenant) {
		java.util.Map<UserId, Invitation> invited = new java.util.HashMap<>();
		jdbc.sql("""
				select u.id, (select max(l.expires_at) from password_links l
				              where l.user_id = u.id and l.used_at is null and l.expires_at > ?) as expires_at
				from users u where u.tenant_id = ? and u.awaiting_password""")
			.params(Timestamp.from(clock.instant()), tenant.value())
			.query((row, n) -> new Invitation(new UserId(row.getObject("id", UUID.class)),
					row.getTimestamp("expires_at") == null ? null : row.getTimestamp("expires_at").toInstant()))
			.list()
			.forEach(invitation -> invited.put(invitation.user(), invitation));
		return invited;
	}

	/** The link's user if it may still be used; empty if it is unknown, used or expired. */
	public Optional<OpenLink> open(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select user_id, purpose, expires_at from password_links
				where token_hash = ? and used_at is null and expires_at > ?""")
			.params(Sha256.of(token), Timestamp.from(clock.instant()))
			.query((row, n) -> new OpenLink(accounts.find(new UserId(row.getObject("user_id", UUID.class))).orElseThrow(),
					Purpose.valueOf(row.getString("purpose")), row.getTimestamp("expires_at").toInstant()))
			.optional()
			.filter(link -> link.user().enabled());
	}

	/**
	 * Sets the password by the link, once: {@code password-link.invalid} if it is unknown, used or expired (or its
	 * user disabled); every wrong field named ({@code newPassword}, {@code repeatPassword}).
	 */
	@Transactional
	public User use(String token, String newPassword, String repeatPassword) {
		OpenLink link = open(token).orElseThrow(() -> new Rejected("password-link.invalid"));
		InvalidFields.Collector fields = new InvalidFields.Collector();
		fields.read("newPassword", () -> {
			accounts.checkPassword(newPassword, link.user());
			return null;
		});
		if (newPassword != null && !newPassword.equals(repeatPassword)) {
			fields.reject("repeatPassword", new Rejected("user.password-mismatch"));
		}
		fields.throwIfAny();
		int used = jdbc.sql("update password_links set used_at = ? where token_hash = ? and used_at is null and expires_at > ?")
			.params(Timestamp.from(clock.instant()), Sha256.of(token), Timestamp.from(clock.instant()))
			.update();
		if (used == 0) {
			throw new Rejected("password-link.invalid");
		}
		accounts.setPassword(link.user(), newPassword);
		return link.user();
	}

	private IssuedLink issue(User user, Purpose purpose, UserId by) {
		Instant now = clock.instant();
		jdbc.sql("update password_links set used_at = ? where user_id = ? and used_at is null")
			.params(Timestamp.from(now), user.id().value())
			.update();
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant expires = now.plus(purpose == Purpose.INVITE ? inviteLifetime : resetLifetime);
		jdbc.sql("""
				insert into password_links (id, tenant_id, user_id, purpose, token_hash, expires_at, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), user.tenantId().value(), user.id().value(), purpose.name(), Sha256.of(token),
					Timestamp.from(expires), by == null ? null : by.value(), Timestamp.from(now))
			.update();
		URI link = address.of("/password-links/" + token);
		return new IssuedLink(user, purpose, link, expires, mailed(user, purpose, link, expires));
	}

	private boolean mailed(User user, Purpose purpose, URI link, Instant expires) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return false;
		}
		Locale locale = LocaleContextHolder.getLocale();
		String kind = purpose.name().toLowerCase(Locale.ROOT);
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(user.email().value());
		message.setSubject(messages.getMessage("password-link.mail." + kind + ".subject", null, locale));
		message.setText(messages.getMessage("password-link.mail." + kind + ".text",
				new Object[] { user.displayName(), link.toString(), until.format(expires) }, locale));
		try {
			sender.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("The password link for user {} was not mailed: {}", user.id(), Redacted.message(ex));
			return false;
		}
	}
}

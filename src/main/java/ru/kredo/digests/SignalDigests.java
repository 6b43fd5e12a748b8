package ru.kredo.digests;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import ru.kredo.accounts.Role;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.monitoring.Watches;
import ru.kredo.platform.PublicAddress;
import ru.kredo.signals.QueueLine;
import ru.kredo.signals.SignalFilter;
import ru.kredo.signals.SignalWording;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantKind;

/** Composes and sends the morning digests, once per user and day. */
@Service
public class SignalDigests {

	static final int MAX_LINES = 30;
	private static final Logger log = LoggerFactory.getLogger(SignalDigests.class);
	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final ObjectProvider<JavaMailSender> mail;
	private final JdbcClient jdbc;
	private final TenantDirectory tenants;
	private final UserAccounts users;
	private final Signals signals;
	private final Watches watches;
	private final SignalWording wording;
	private final MessageSource messages;
	private final Clock clock;
	private final BusinessCalendar calendar;
	private final String from;
	private final PublicAddress address;

	SignalDigests(ObjectProvider<JavaMailSender> mail, JdbcClient jdbc, TenantDirectory tenants, UserAccounts users,
			Signals signals, Watches watches, SignalWording wording, MessageSource messages, Clock clock, BusinessCalendar calendar,
			@Value("${kredo.digests.from:kredo@localhost}") String from,
			PublicAddress address) {
		this.mail = mail;
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.users = users;
		this.signals = signals;
		this.watches = watches;
		this.wording = wording;
		this.messages = messages;
		this.clock = clock;
		this.calendar = calendar;
		this.from = from;
		this.address = address;
	}

	@Scheduled(cron = "${kredo.digests.cron:0 30 8 * * *}", zone = "${kredo.time-zone}")
	@SchedulerLock(name = "morning-digests", lockAtMostFor = "PT2H")
	public void sendMorningDigests() {
		int sent = sendAll();
		log.info("Digests sent: {}", sent);
	}

	/** Sends today's digest to every user who has something new and has not had it yet; returns how many were sent. */
	public int sendAll() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.debug("No mail server configured (spring.mail.host): digests are not sent");
			return 0;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, calendar.agencyZone());
		int sent = 0;
		for (Tenant tenant : tenants.all()) {
			if (tenant.kind() == TenantKind.PLATFORM) {
				continue;
			}
			List<QueueLine> fresh = signals.queue(tenant.id(), SignalFilter.open(), 0, 10_000).stream()
				.filter(line -> line.signal().lastEventAt().isAfter(now.minus(Duration.ofDays(1))))
				.toList();
			long lapsing = watches.countLapsingSoon(tenant.id());
			for (User user : users.all(tenant.id())) {
				List<QueueLine> his = user.role() == Role.ADMIN ? fresh : fresh.stream()
					.filter(line -> line.signal().assigneeId() == null || line.signal().assigneeId().equals(user.id()))
					.toList();
				if (user.enabled() && (!his.isEmpty() || lapsing > 0) && claim(user, today, his.size(), now)) {
					sender.send(message(tenant, user, his, lapsing));
					sent++;
				}
			}
		}
		return sent;
	}

	private boolean claim(User user, LocalDate day, int count, Instant now) {
		return jdbc.sql("""
				insert into digest_runs (tenant_id, user_id, day, signals, sent_at) values (?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(user.tenantId().value(), user.id().value(), Date.valueOf(day), count, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * The digest: the signals to work, most urgent first, then apart under «Прекратите контакты» those that mean every
	 * contact with the person must stop (a bankruptcy, {@link ru.kredo.signals.Signal#stopContact()}): a warning to
	 * heed, never a call to make, so never counted among the urgent ones.
	 */
	private SimpleMailMessage message(Tenant tenant, User user, List<QueueLine> lines, long lapsing) {
		List<QueueLine> toWork = lines.stream().filter(line -> !line.signal().stopContact()).toList();
		List<QueueLine> stop = lines.stream().filter(line -> line.signal().stopContact()).toList();
		long urgent = toWork.stream().filter(line -> line.signal().priority() == 1).count();
		StringBuilder body = new StringBuilder(text("digest.greeting", user.displayName())).append("\n\n");
		toWork.stream().limit(MAX_LINES).forEach(line -> body.append(line(line)).append('\n'));
		if (toWork.size() > MAX_LINES) {
			body.append(text("digest.more", toWork.size() - MAX_LINES, address.base() + "/signals")).append('\n');
		}
		if (!stop.isEmpty()) {
			body.append('\n').append(text("digest.stop-contact", stop.size())).append('\n');
			stop.stream().limit(MAX_LINES).forEach(line -> body.append(text("digest.stop-contact-line",
					wording.russian(line.signal()), line.contactName(),
					address.base() + "/signals/" + line.signal().id())).append('\n'));
			if (stop.size() > MAX_LINES) {
				body.append(text("digest.more", stop.size() - MAX_LINES, address.base() + "/signals")).append('\n');
			}
		}
		if (lapsing > 0) {
			body.append('\n').append(text("digest.lapsing", lapsing, address.base() + "/monitoring")).append('\n');
		}
		body.append('\n').append(text("digest.footer", tenant.name()));
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(user.email().value());
		message.setSubject(stop.isEmpty() ? text("digest.subject", urgent, lines.size(), tenant.name())
				: text("digest.subject-with-stop", urgent, stop.size(), lines.size(), tenant.name()));
		message.setText(body.toString());
		return message;
	}

	private String line(QueueLine line) {
		return text("digest.line", line.signal().priority(), wording.russian(line.signal()), line.contactName(),
				address.base() + "/signals/" + line.signal().id());
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, RUSSIAN);
	}
}

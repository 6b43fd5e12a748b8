package ru.kredo.conversations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtorsDebts;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.money.Money;
import ru.kredo.money.Amounts;
import ru.kredo.platform.ControlCharacters;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/**
 * An agency's canned replies, and their placeholders filled in for one debtor. A placeholder is a word in braces:
 * {@link #PLACEHOLDERS} lists them; one the debtor has nothing for (no offer) becomes empty, and an unknown one is left
 * as written so that the operator sees it before sending.
 */
@Service
public class CannedReplies {

	/** The placeholders and what each becomes. */
	public static final List<String> PLACEHOLDERS = List.of("{имя}", "{фио}", "{долг}", "{договор}", "{сумма_по_скидке}",
			"{скидка_до}", "{агентство}", "{сегодня}");

	static final int MAX_TITLE = 100;
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([а-яёa-z_]+)\\}");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final JdbcClient jdbc;
	private final Contacts contacts;
	private final Debts debts;
	private final TenantDirectory tenants;
	private final ConversationLimits limits;
	private final Clock clock;
	private final BusinessCalendar calendar;

	CannedReplies(JdbcClient jdbc, Contacts contacts, Debts debts, TenantDirectory tenants, ConversationLimits limits,
			Clock clock, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.debts = debts;
		this.tenants = tenants;
		this.limits = limits;
		this.clock = clock;
		this.calendar = calendar;
	}

	/** The agency's replies, by title. */
	public List<CannedReply> all(TenantId tenant) {
		return jdbc.sql("select id, title, text from canned_replies where tenant_id = ? order by lower(title), id")
			.param(tenant.value())
			.query((row, n) -> new CannedReply(row.getObject("id", UUID.class), row.getString("title"), row.getString("text")))
			.list();
	}

	/** Adds a reply; a missing or too long title or text is refused, every field at once. */
	public CannedReply add(TenantId tenant, String title, String text) {
		String t = title == null ? "" : title.strip();
		String body = text == null ? "" : text.strip();
		ControlCharacters.requireNone(t);
		ControlCharacters.requireNone(body);
		InvalidFields.Collector invalid = new InvalidFields.Collector();
		if (t.isEmpty() || t.length() > MAX_TITLE) {
			invalid.reject("title", new Rejected("canned.title-invalid", MAX_TITLE));
		}
		if (body.isEmpty() || body.length() > limits.maxMessageLength()) {
			invalid.reject("text", new Rejected("canned.text-invalid", limits.maxMessageLength()));
		}
		invalid.throwIfAny();
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into canned_replies (id, tenant_id, title, text, created_at) values (?, ?, ?, ?, ?)")
			.params(id, tenant.value(), t, body, Timestamp.from(clock.instant())).update();
		return new CannedReply(id, t, body);
	}

	public void delete(TenantId tenant, UUID id) {
		if (jdbc.sql("delete from canned_replies where tenant_id = ? and id = ?").params(tenant.value(), id).update() == 0) {
			throw new NotFound("canned.not-found", id);
		}
	}

	public Optional<CannedReply> find(TenantId tenant, UUID id) {
		return jdbc.sql("select id, title, text from canned_replies where tenant_id = ? and id = ?")
			.params(tenant.value(), id)
			.query((row, n) -> new CannedReply(row.getObject("id", UUID.class), row.getString("title"), row.getString("text")))
			.optional();
	}

	/** The reply's text for this debtor, its placeholders filled in. */
	public String fill(TenantId tenant, UUID reply, ContactId debtor) {
		CannedReply canned = find(tenant, reply).orElseThrow(() -> new NotFound("canned.not-found", reply));
		return fill(canned.text(), values(tenant, debtor));
	}

	static String fill(String text, Map<String, String> values) {
		Matcher placeholder = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (placeholder.find()) {
			String value = values.get(placeholder.group(1));
			placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
		}
		return placeholder.appendTail(filled).toString();
	}

	private Map<String, String> values(TenantId tenant, ContactId debtor) {
		FullName name = contacts.name(tenant, debtor);
		DebtorsDebts his = debts.ofDebtor(tenant, debtor);
		List<Debt> open = his.debts().stream().filter(d -> !d.isClosed()).toList();
		Money owed = open.stream().map(Debt::total).reduce(Money.ZERO, Money::plus);
		Optional<Offer> offer = open.stream().map(d -> his.offers().get(d.id()))
			.filter(o -> o != null && o.status() == Offer.Status.OFFERED).findFirst();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("имя", name.middleName() == null || name.middleName().isBlank() ? name.firstName()
				: name.firstName() + " " + name.middleName());
		values.put("фио", name.display());
		values.put("долг", Amounts.text(owed.roubles()));
		values.put("договор", open.stream().map(Debt::contractNumber).collect(Collectors.joining(", ")));
		values.put("сумма_по_скидке", offer.map(o -> Amounts.text(o.offerAmount().roubles())).orElse(""));
		values.put("скидка_до", offer.map(o -> o.validUntil() == null ? "" : DAY.format(o.validUntil())).orElse(""));
		values.put("агентство", tenants.get(tenant).name());
		values.put("сегодня", DAY.format(calendar.today()));
		return values;
	}
}

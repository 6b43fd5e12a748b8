package ru.kredo.payments;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.money.Money;
import ru.kredo.payments.internal.CreatePayment;
import ru.kredo.payments.internal.FiscalReceipt;
import ru.kredo.payments.internal.PaymentProperties;
import ru.kredo.payments.internal.PaymentProvider;
import ru.kredo.payments.internal.PaymentRows;
import ru.kredo.payments.internal.PaymentTransitions;
import ru.kredo.payments.internal.ProviderPayment;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.PublicAddress;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * Starts payments and finds them. A payment settles later, when its provider notifies Kredo and confirms it on
 * re-reading; then {@link PaymentSucceeded} is published.
 */
@Service
public class Payments {

	private static final int MAX_IDEMPOTENCE_KEY = 64;
	/** The longest reference of a payment received outside Kredo (a bank's document number, a cash receipt's). */
	public static final int MAX_REFERENCE = 100;
	/** The provider's name of payments received outside Kredo: no provider ever notifies about them. */
	public static final String OUTSIDE_PROVIDER = "outside";
	/**
	 * How long a payment that is neither paid nor canceled counts as under way: a payer who left the provider's page
	 * open may still pay; after this the provider has let it lapse (ЮKassa cancels an unconfirmed payment within the
	 * hour) even if its notification never came.
	 */
	public static final Duration UNDER_WAY = Duration.ofHours(1);
	/**
	 * How long a payment whose creation is unknown is resolved by asking the provider again under its own key: ЮKassa
	 * keeps an idempotence key for 24 hours, after which the same key could create another payment.
	 */
	static final Duration RESOLVABLE = Duration.ofHours(23);

	private final PaymentRows rows;
	private final PaymentProvider provider;
	private final PaymentTransitions transitions;
	private final Money minimum;
	private final Clock clock;
	private final TransactionTemplate transaction;
	// How long the provider is waited for when a payment is sent to it, retries included (the sandbox answers at once).
	private final Duration timeout;
	private final PaymentSettings settings;
	// Kredo's public address: the provider sends the payer back to an absolute URL on it.
	private final PublicAddress address;
	private final BusinessCalendar calendar;

	Payments(PaymentRows rows, PaymentProvider provider, PaymentTransitions transitions, PaymentProperties properties,
			Clock clock, TransactionTemplate transaction, PaymentSettings settings,
			PublicAddress address, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.settings = settings;
		this.address = address;
		this.rows = rows;
		this.provider = provider;
		this.transitions = transitions;
		this.minimum = Money.ofRoubles(properties.minimumAmount());
		// Sending takes at most every attempt's time-out and the back-offs between them.
		PaymentProperties.YooKassa yooKassa = properties.yookassa();
		this.timeout = yooKassa.timeout().multipliedBy(Math.max(1, yooKassa.attempts()) + 1)
			.plus(yooKassa.backoff().multipliedBy(1L << Math.min(10, Math.max(1, yooKassa.attempts()))));
		this.clock = clock;
		this.transaction = transaction;
	}

	/**
	 * Starts a payment and returns it with the provider's confirmation URL, where the payer is to be sent. The payment
	 * is stored before the provider is called; the same idempotence key returns the same payment (and asks the provider
	 * again, with the same key of its own, if it never answered), while the same key for another amount, payable or
	 * method is refused. That the amount is within the payable's balance is the caller's to check, with
	 * collections' {@code Allocations}, or {@link #startWithin}'s.
	 *
	 * @throws PaymentProviderUnavailable when the provider does not answer; the payment stays {@code CREATED}
	 */
	public Payment start(TenantId tenant, PayableRef payable, Money amount, PaymentMethod method, String returnUrl,
			String idempotenceKey) {
		return start(tenant, payable, amount, method, returnUrl, idempotenceKey, PaymentDetails.UNKNOWN_PAYER);
	}

	/** {@link #start}, with what the payment says about itself and who gets its receipt. */
	public Payment start(TenantId tenant, PayableRef payable, Money amount, PaymentMethod method, String returnUrl,
			String idempotenceKey, PaymentDetails details) {
		returnUrl = absolute(returnUrl);
		check(tenant, amount, returnUrl, idempotenceKey, method);
		Payment payment = rows.insertOrFind(Payment.create(tenant, payable, amount, method, idempotenceKey,
				provider.name(), returnUrl, clock.instant()));
		return ask(payment, payable, amount, method, details);
	}

	/**
	 * Starts a payment as {@link #start} does, if it and the payable's payments still under way (started within the
	 * last {@link #UNDER_WAY}, neither succeeded nor canceled) come to no more than {@code limit}, what the payer may
	 * pay at most (the balance, or what is left of an offer). The limit is read under the payable's lock, after the
	 * payments under way: a payment that succeeds meanwhile is then either still counted as under way or already in
	 * what the limit reads, never in neither. A payer who pays in two tabs at once, or pays again before the first
	 * payment is through, cannot pay more than he owes; the same request again (its idempotence key) is the same
	 * payment and passes. Payments of one payable are started one at a time.
	 * <p>
	 * {@code details} are what the payment says about itself and who gets its receipt. A payment of the payable whose
	 * creation is unknown (the provider never answered through every retry) is first resolved by asking the provider
	 * again under its own key, never replaced: the same request again is that same payment; another one finds it under
	 * way, with its confirmation page to go back to.
	 *
	 * @throws Rejected {@code payment.exceeds-balance} above the limit with nothing under way (a debt repaid has a
	 *         limit of zero), {@code payment.under-way} with the amount under way and what may still be paid
	 */
	public Payment startWithin(Supplier<Money> limit, TenantId tenant, PayableRef payable, Money amount,
			PaymentMethod method, String returnUrl, String idempotenceKey, PaymentDetails details) {
		returnUrl = absolute(returnUrl);
		check(tenant, amount, returnUrl, idempotenceKey, method);
		for (Payment unknown : rows.creationUnknown(tenant, payable, clock.instant().minus(RESOLVABLE))) {
			if (unknown.isCombined()) {
				// Another request's, sent with its own receipt lines: counted as under way below, not sent from here.
				continue;
			}
			if (!unknown.idempotenceKey().equals(idempotenceKey) && unknown.sameRequest(payable, amount, method)) {
				return ask(unknown, payable, amount, method, details);
			}
			ask(unknown, unknown.payable(), unknown.amount(), unknown.method(), details);
		}
		String returnTo = returnUrl;
		Payment payment = transaction.execute(status -> {
			rows.lockPayable(tenant, payable);
			Optional<Payment> same = rows.findByKey(tenant, idempotenceKey);
			if (same.isEmpty()) {
				Money underWay = underWay(tenant, payable);
				for (Payment unknown : rows.creationUnknown(tenant, payable, clock.instant().minus(RESOLVABLE))) {
					if (unknown.isCombined()) {
						underWay = underWay.plus(unknown.asPartOf(payable).amount());
					}
				}
				Money most = limit.get();
				if (amount.plus(underWay).exceeds(most)) {
					throw underWay.isZero() ? new Rejected("payment.exceeds-balance", most)
							: new Rejected("payment.under-way", underWay, most.exceeds(underWay) ? most.minus(underWay) : Money.ZERO);
				}
			}
			return same.orElseGet(() -> rows.insertOrFind(Payment.create(tenant, payable, amount, method, idempotenceKey,
					provider.name(), returnTo, clock.instant())));
		});
		return ask(payment, payable, amount, method, details);
	}

	/**
	 * One payable's share of a combined payment, as the caller asks for it.
	 *
	 * @param wanted what the payer is asked to pay towards it now (a debt's headline: its balance, or what its
	 *        settlement asks now)
	 * @param limit what may be paid towards it at most, read under its lock as in {@link #startWithin}; zero for a
	 *        payable that takes no payment now (repaid, disputed)
	 * @param description the receipt's line for it, at most {@link PaymentDetails#MAX_DESCRIPTION} characters
	 */
	public record Share(PayableRef payable, Money wanted, Supplier<Money> limit, String description) {

		public Share {
			if (description == null || description.isBlank()) {
				throw new IllegalArgumentException("A share needs its receipt line");
			}
			description = description.strip();
			if (description.length() > PaymentDetails.MAX_DESCRIPTION) {
				description = description.substring(0, PaymentDetails.MAX_DESCRIPTION - 1).strip() + "…";
			}
		}
	}

	/**
	 * Starts one payment over several payables («Оплатить всё»): one payment at the provider, split into one part per
	 * payable. Every payable is locked as {@link #startWithin} locks one, all of them in one order (by id), so that two
	 * such starts, or one and a single payment, never wait on each other in a circle. Under the locks each payable's
	 * part is what is {@code wanted} of it, but never more than its {@code limit} less what is already under way on it
	 * (a single payment left pending, another combined payment, one whose creation is unknown): a payable with nothing
	 * left gets no part, and the payment is for what is still payable, never for a stale amount. The same idempotence
	 * key again is the same payment.
	 *
	 * @throws Rejected {@code payment.all-under-way} when nothing is left because payments under way cover it,
	 *         {@code payment.nothing-to-pay} when nothing is payable at all, {@code payment.below-minimum}
	 */
	public Payment startTogether(TenantId tenant, List<Share> shares, PaymentMethod method, String returnUrl,
			String idempotenceKey, PaymentDetails details) {
		String returnTo = absolute(returnUrl);
		check(tenant, returnTo, idempotenceKey, method);
		List<Share> ordered = shares.stream().sorted(java.util.Comparator.comparing(share -> share.payable().debtId()))
			.toList();
		if (ordered.stream().map(Share::payable).distinct().count() != ordered.size()) {
			throw new IllegalArgumentException("A payable takes one share of a payment");
		}
		Instant resolvable = clock.instant().minus(RESOLVABLE);
		// This same request, sent before without an answer: asked again under its own key, never replaced. Others of
		// unknown creation are not sent from here (their requests are their own callers'); they count as under way.
		for (Share share : ordered) {
			for (Payment unknown : rows.creationUnknown(tenant, share.payable(), resolvable)) {
				if (unknown.idempotenceKey().equals(idempotenceKey) && unknown.isCombined()) {
					return send(unknown, details);
				}
			}
		}
		Payment payment = transaction.execute(status -> {
			ordered.forEach(share -> rows.lockPayable(tenant, share.payable()));
			Optional<Payment> same = rows.findByKey(tenant, idempotenceKey);
			if (same.isPresent()) {
				if (!same.get().isCombined() || same.get().method() != method) {
					throw new Rejected("payment.idempotence-key-reused");
				}
				return same.get();
			}
			List<PaymentPart> parts = new ArrayList<>();
			Money covered = Money.ZERO;
			for (Share share : ordered) {
				Money underWay = underWay(tenant, share.payable());
				for (Payment unknown : rows.creationUnknown(tenant, share.payable(), resolvable)) {
					underWay = underWay.plus(unknown.isCombined() ? unknown.asPartOf(share.payable()).amount() : unknown.amount());
				}
				Money most = share.limit().get();
				Money part = share.wanted().min(most.exceeds(underWay) ? most.minus(underWay) : Money.ZERO);
				if (!part.isZero()) {
					parts.add(new PaymentPart(share.payable(), part, share.description()));
				}
				else if (!most.isZero()) {
					covered = covered.plus(underWay);
				}
			}
			if (parts.isEmpty()) {
				throw covered.isZero() ? new Rejected("payment.nothing-to-pay") : new Rejected("payment.all-under-way", covered);
			}
			Payment combined = Payment.combined(tenant, parts, method, idempotenceKey, provider.name(), returnTo,
					clock.instant());
			if (minimum.exceeds(combined.amount())) {
				throw new Rejected("payment.below-minimum", minimum);
			}
			return rows.insertOrFind(combined);
		});
		return send(payment, details);
	}

	/**
	 * Records a payment received outside Kredo — a bank transfer to the agency, cash at its office — as the agency
	 * states it, and applies it like any other payment: it is stored already {@link PaymentStatus#SUCCEEDED} (method
	 * {@link PaymentMethod#OUTSIDE}) and {@link PaymentSucceeded} is published in the same transaction, which
	 * collections applies to the debt as it applies a provider's (its allocation order, a settlement in force,
	 * closing at zero, an excess recorded as an overpayment to refund). It counts as paid on the day received: now
	 * when that is today, otherwise at the start of that day at the agency.
	 * <p>
	 * Under the payable's lock ({@link #startWithin}'s): the same idempotence key again is the same payment, returned
	 * as it was recorded (even once the debt it closed is closed); the same key for another debt, amount, day or
	 * reference is refused. Otherwise {@code acceptsPayments} is asked (a closed debt takes none).
	 *
	 * @throws Rejected {@code payment.amount-invalid} (not above zero), {@code payment.received-in-future},
	 *         {@code payment.reference-required}, {@code payment.reference-too-long},
	 *         {@code payment.idempotence-key-required}, {@code payment.idempotence-key-reused},
	 *         {@code payment.reference-duplicate} (the debt has a payment received that day under that reference),
	 *         {@code payment.debt-closed}
	 */
	public ReceivedPayment recordReceived(TenantId tenant, PayableRef payable, Money amount, LocalDate receivedOn,
			String reference, String idempotenceKey, BooleanSupplier acceptsPayments) {
		String ref = reference == null ? "" : reference.strip();
		checkReceived(amount, receivedOn, ref, idempotenceKey);
		return transaction.execute(status -> {
			rows.lockPayable(tenant, payable);
			Optional<Payment> same = rows.findByKey(tenant, idempotenceKey);
			if (same.isPresent()) {
				ReceivedPayment recorded = rows.findReceived(tenant, idempotenceKey)
					.orElseThrow(() -> new Rejected("payment.idempotence-key-reused"));
				if (!recorded.payment().sameRequest(payable, amount, PaymentMethod.OUTSIDE)
						|| !recorded.receivedOn().equals(receivedOn) || !recorded.reference().equals(ref)) {
					throw new Rejected("payment.idempotence-key-reused");
				}
				return recorded;
			}
			if (!acceptsPayments.getAsBoolean()) {
				throw new Rejected("payment.debt-closed");
			}
			Instant now = clock.instant();
			Instant paidAt = receivedOn.equals(calendar.agencyDate(now)) ? now
					: receivedOn.atStartOfDay(calendar.agencyZone()).toInstant();
			Payment payment = new Payment(PaymentId.random(), tenant, payable, amount, PaymentMethod.OUTSIDE,
					PaymentStatus.SUCCEEDED, idempotenceKey, OUTSIDE_PROVIDER, null, null, "", now, now, paidAt, List.of());
			if (!transitions.received(payment, receivedOn, ref)) {
				// Another debt's payment under this key (no lock of this debt covers it), or the same document again.
				throw rows.findByKey(tenant, idempotenceKey).isPresent() ? new Rejected("payment.idempotence-key-reused")
						: new Rejected("payment.reference-duplicate", ref);
			}
			return new ReceivedPayment(payment, receivedOn, ref);
		});
	}

	private void checkReceived(Money amount, LocalDate receivedOn, String reference, String idempotenceKey) {
		if (amount == null || amount.isZero()) {
			throw new Rejected("payment.amount-invalid");
		}
		if (receivedOn == null || receivedOn.isAfter(calendar.today())) {
			throw new Rejected("payment.received-in-future");
		}
		if (reference.isEmpty()) {
			throw new Rejected("payment.reference-required");
		}
		if (reference.length() > MAX_REFERENCE) {
			throw new Rejected("payment.reference-too-long", MAX_REFERENCE);
		}
		if (idempotenceKey == null || idempotenceKey.isBlank() || idempotenceKey.length() > MAX_IDEMPOTENCE_KEY) {
			throw new Rejected("payment.idempotence-key-required", MAX_IDEMPOTENCE_KEY);
		}
	}

	/** The payable's payments received outside Kredo, with their day and reference, the latest received first. */
	public List<ReceivedPayment> received(TenantId tenant, PayableRef payable) {
		return rows.received(tenant, payable);
	}

	/** What the payable's payments under way come to (see {@link #startWithin}): money that may still arrive. */
	public Money underWay(TenantId tenant, PayableRef payable) {
		return rows.underWay(tenant, payable, clock.instant().minus(UNDER_WAY), clock.instant().minus(timeout));
	}

	private void check(TenantId tenant, Money amount, String returnUrl, String idempotenceKey, PaymentMethod method) {
		check(tenant, returnUrl, idempotenceKey, method);
		if (minimum.exceeds(amount)) {
			throw new Rejected("payment.below-minimum", minimum);
		}
	}

	private void check(TenantId tenant, String returnUrl, String idempotenceKey, PaymentMethod method) {
		if (method == null || !method.throughProvider()) {
			// A payment received outside Kredo is the agency's to record (recordReceived), never a payer's to start.
			throw new Rejected("payment.method-invalid");
		}
		if (!provider.serves(tenant)) {
			throw new Rejected("payment.not-available");
		}
		if (idempotenceKey == null || idempotenceKey.isBlank() || idempotenceKey.length() > MAX_IDEMPOTENCE_KEY) {
			throw new Rejected("payment.idempotence-key-required", MAX_IDEMPOTENCE_KEY);
		}
		checkReturnUrl(returnUrl);
	}

	/**
	 * Sends a stored payment to the provider, unless it was sent before: always the same request for the same payment
	 * (its stored amount, method and return address, under its own key), so that asking again is answered with the
	 * payment the provider created the first time. When the provider's answer stays unknown, the payment is marked so.
	 */
	private Payment ask(Payment payment, PayableRef payable, Money amount, PaymentMethod method, PaymentDetails details) {
		if (!payment.sameRequest(payable, amount, method)) {
			throw new Rejected("payment.idempotence-key-reused");
		}
		return send(payment, details);
	}

	/**
	 * {@link #ask} without comparing requests: the payment is sent as stored. Its receipt has one line per part of a
	 * combined payment (the part's own description), or one line for the whole of a payment towards one payable.
	 */
	private Payment send(Payment payment, PaymentDetails details) {
		if (payment.status() != PaymentStatus.CREATED) {
			return payment;
		}
		FiscalReceipt receipt = null;
		if (provider.issuesReceipts() && settings.receipts(payment.tenantId())) {
			if (details.customerPhone() == null && details.customerEmail() == null) {
				throw new Rejected("payment.receipt-contact-required");
			}
			receipt = new FiscalReceipt(details.customerPhone(), details.customerEmail(), payment.shares().stream()
				.map(part -> new FiscalReceipt.Item(part.description() == null ? details.description() : part.description(),
						part.amount()))
				.toList());
		}
		try {
			ProviderPayment answer = provider.create(new CreatePayment(payment.tenantId(), payment.id(), payment.amount(),
					payment.method(), payment.returnUrl(), details.description(), receipt));
			return transitions.accepted(payment, provider.name(), answer);
		}
		catch (PaymentProviderUnavailable ex) {
			if (ex.resultUnknown()) {
				rows.markCreationUnknown(payment, clock.instant());
			}
			else {
				// Refused outright (a 4xx): the provider has no such payment, so it is no payment under way either.
				rows.forgetRefused(payment);
			}
			throw ex;
		}
	}

	/** A return address on Kredo itself ({@code /cabinet/…}) made absolute on {@link PublicAddress}. */
	private String absolute(String returnUrl) {
		return returnUrl != null && returnUrl.startsWith("/") && !returnUrl.startsWith("//") ? address.base() + returnUrl
				: returnUrl;
	}

	public Payment get(TenantId tenant, PaymentId id) {
		return rows.find(tenant, id).orElseThrow(() -> new NotFound("payment.not-found", id));
	}

	/**
	 * The payment as its provider has it now, for a payer just back from the provider's page, who may come back before
	 * the provider's notification does: a payment not yet settled is re-read from the provider and what it says is
	 * applied as a notification's would be. A provider that does not answer leaves it as Kredo last knew it.
	 */
	public Payment current(TenantId tenant, PaymentId id) {
		Payment payment = get(tenant, id);
		if (payment.status().isFinal() || payment.providerPaymentId() == null || !payment.provider().equals(provider.name())) {
			return payment;
		}
		try {
			provider.read(payment.providerPaymentId()).ifPresent(answer -> transitions.apply(provider.name(), answer));
		}
		catch (PaymentProviderUnavailable ex) {
			return payment;
		}
		return get(tenant, id);
	}

	/** The payable's payments, newest first; a combined payment as its part of the payable ({@link Payment#asPartOf}). */
	public List<Payment> ofPayable(TenantId tenant, PayableRef payable) {
		return rows.ofPayable(tenant, payable).stream()
			.map(payment -> payment.isCombined() ? payment.asPartOf(payable) : payment)
			.toList();
	}

	/**
	 * What a debtor's page offers to continue, in one query: of each payable, the newest payment its payer started
	 * within {@link #UNDER_WAY} and left on the provider's page (pending, with a confirmation page to go back to), and
	 * the newest such combined payment with a part of any of them.
	 */
	public Continuable continuableOfAny(TenantId tenant, List<PayableRef> payables) {
		if (payables.isEmpty()) {
			return new Continuable(Map.of(), Optional.empty());
		}
		Map<PayableRef, Payment> newest = new java.util.HashMap<>();
		Payment together = null;
		for (Payment payment : rows.continuableOfAny(tenant, payables, clock.instant().minus(UNDER_WAY))) {
			if (payment.isCombined()) {
				together = together == null ? payment : together;
			}
			else {
				newest.putIfAbsent(payment.payable(), payment);
			}
		}
		return new Continuable(newest, Optional.ofNullable(together));
	}

	/**
	 * Payments a payer left on the provider's page: the newest of each payable's own, and the newest combined one
	 * with a part of any of them.
	 */
	public record Continuable(Map<PayableRef, Payment> ofPayables, Optional<Payment> together) {
	}

	/**
	 * What the provider has returned to the payer of each of these payments that had anything returned (a refund the
	 * agency made in the provider's cabinet); the debt is not changed by it.
	 */
	public Map<PaymentId, Money> refunded(TenantId tenant, java.util.Collection<PaymentId> payments) {
		return rows.refunded(tenant, payments);
	}

	/** The provider's final answer about a settled payment (its JSON), kept as the receipt. */
	public String receipt(TenantId tenant, PaymentId id) {
		return rows.receipt(tenant, id).orElseThrow(() -> new NotFound("payment.not-found", id));
	}

	private static void checkReturnUrl(String returnUrl) {
		try {
			URI uri = URI.create(returnUrl == null ? "" : returnUrl);
			if (returnUrl.length() > 2000 || !uri.isAbsolute() || uri.getHost() == null
					|| !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
				throw new Rejected("payment.return-url-invalid");
			}
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("payment.return-url-invalid");
		}
	}
}

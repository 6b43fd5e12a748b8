package ru.kredo.crm.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.kredo.platform.Sha256;
import ru.kredo.tenancy.TenantId;

/**
 * The event handler Kredo binds in a connected Bitrix24 portal so that outcomes flow back ({@code docs/crm-bitrix24.md},
 * «Outcomes from Bitrix24»): {@code event.bind} of {@link #EVENTS} at {@code <Kredo>/crm/bitrix24/events/<token>}, a
 * random token of 256 bits that only Bitrix24 and the sealed column know; Kredo keeps the token's SHA-256 to find the
 * tenant by it, and checks every event's {@code auth[domain]}, {@code auth[member_id]} and
 * {@code auth[application_token]} ({@link #accepts}). Bitrix24 gives the application token first to an install handler
 * ({@code OnAppInstall}), which a local application connected by OAuth never had; so, as Bitrix24's «Безопасность в
 * обработчиках» advises for that handler, Kredo learns it from the first event whose {@code auth[access_token]} the
 * portal vouches for as this application's ({@code app.info} answers its {@code CODE}, the application's client_id),
 * and holds every later event to it.
 */
@Component
public class Bitrix24Events {

	/** A task changed (completed, among others); a deal changed (moved to a won or lost stage, among others). */
	public static final List<String> EVENTS = List.of("ONTASKUPDATE", "ONCRMDEALUPDATE");

	/** Where Bitrix24 posts: the path under Kredo's address, the token follows. */
	public static final String PATH = "/crm/bitrix24/events/";

	/** The shape of a token Kredo issues (32 bytes, base64url): anything else is not looked up. */
	public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final Logger log = LoggerFactory.getLogger(Bitrix24Events.class);

	private final Bitrix24Accounts accounts;
	private final Bitrix24Api api;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Bitrix24Events(Bitrix24Accounts accounts, Bitrix24Api api, Clock clock) {
		this.accounts = accounts;
		this.api = api;
		this.clock = clock;
	}

	/**
	 * Binds {@link #EVENTS} to a fresh handler at {@code kredoBase} + {@link #PATH} + a new token (the handler bound
	 * before is unbound first); whether Bitrix24 took them all. When it did not, signals still go to Bitrix24; only
	 * outcomes do not come back, and the page says why.
	 */
	public boolean subscribe(TenantId tenant, String portal, String kredoBase) {
		unsubscribe(tenant, portal);
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String handler = kredoBase.replaceAll("/$", "") + PATH + token;
		accounts.eventsHandler(tenant, Sha256.of(token), handler, clock.instant());
		List<String> bound = new ArrayList<>();
		String error = null;
		for (String event : EVENTS) {
			try {
				api.bind(tenant, portal, event, handler);
				bound.add(event);
			}
			catch (Bitrix24Exception ex) {
				log.warn("Bitrix24 refused to bind {} for tenant {}: {}", event, tenant, ex.getMessage());
				error = ex.getMessage();
			}
		}
		accounts.eventsBound(tenant, bound.isEmpty() ? null : String.join(",", bound), error, clock.instant());
		return error == null;
	}

	/** Unbinds the tenant's handler from Bitrix24, if there is one; a failure is logged (its token dies anyway). */
	public void unsubscribe(TenantId tenant, String portal) {
		Optional<String> handler = accounts.eventsHandler(tenant);
		if (handler.isEmpty()) {
			return;
		}
		for (String event : EVENTS) {
			try {
				api.unbind(tenant, portal, event, handler.get());
			}
			catch (Bitrix24Exception ex) {
				log.warn("Bitrix24 did not unbind {} of tenant {}: {}", event, tenant, ex.getMessage());
			}
		}
	}

	/** The tenant a handler's token belongs to; empty for a token of no connected portal (or not shaped as ours). */
	public Optional<TenantId> tenantOf(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return accounts.byEventsToken(Sha256.of(token));
	}

	/**
	 * Whether an event that reached the tenant's handler is its portal's: {@code auth[domain]} is the portal connected,
	 * {@code auth[member_id]} the one its tokens were issued for, and {@code auth[application_token]} the application's
	 * (Bitrix24 signs every event of the application with it): the one learnt from the first event the portal vouched
	 * for, or — while none was — this event's, if the portal vouches for its access token now.
	 */
	public boolean accepts(TenantId tenant, Bitrix24Event event) {
		Optional<Bitrix24Accounts.Account> account = accounts.find(tenant).filter(Bitrix24Accounts.Account::connected);
		if (account.isEmpty() || event.applicationToken().isEmpty()) {
			return false;
		}
		if (!event.domain().equalsIgnoreCase(account.get().portal())) {
			return false;
		}
		String memberId = account.get().memberId();
		if (memberId != null && !memberId.equals(event.memberId())) {
			return false;
		}
		byte[] token = Sha256.of(event.applicationToken());
		Optional<Boolean> known = accounts.isApplicationToken(tenant, token);
		if (known.isPresent()) {
			return known.get();
		}
		if (event.accessToken().isEmpty() || !api.isOurs(account.get().portal(), event.accessToken(),
				account.get().clientId())) {
			return false;
		}
		return accounts.applicationToken(tenant, token);
	}
}

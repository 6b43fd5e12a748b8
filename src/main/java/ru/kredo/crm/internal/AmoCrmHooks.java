package ru.kredo.crm.internal;

import java.security.SecureRandom;
import java.time.Clock;
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
 * The webhook Kredo subscribes in a connected amoCRM account so that outcomes flow back ({@code docs/crm-amocrm.md},
 * «Outcomes from amoCRM»): its address is {@code <Kredo>/crm/amocrm/hooks/<token>}, a random token of 256 bits that
 * only amoCRM and the sealed column know; Kredo keeps the token's SHA-256 to find the tenant by it.
 */
@Component
public class AmoCrmHooks {

	/** What the webhook is subscribed for: a task changed (completed), a lead's status changed. */
	public static final List<String> SETTINGS = List.of("update_task", "status_lead");

	/** Where amoCRM posts: the path under Kredo's address, the token follows. */
	public static final String PATH = "/crm/amocrm/hooks/";

	/** The shape of a token Kredo issues (32 bytes, base64url): anything else is not looked up. */
	public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final Logger log = LoggerFactory.getLogger(AmoCrmHooks.class);

	private final AmoCrmAccounts accounts;
	private final AmoCrmApi api;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	AmoCrmHooks(AmoCrmAccounts accounts, AmoCrmApi api, Clock clock) {
		this.accounts = accounts;
		this.api = api;
		this.clock = clock;
	}

	/**
	 * Subscribes a fresh webhook at {@code kredoBase} + {@link #PATH} + a new token (a webhook subscribed before is
	 * unsubscribed first); whether amoCRM took it. When it did not (an account's user who is not its administrator
	 * connected it), signals still go to amoCRM; only outcomes do not come back, and the page says why.
	 */
	public boolean subscribe(TenantId tenant, String subdomain, String kredoBase) {
		unsubscribe(tenant, subdomain);
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String destination = kredoBase.replaceAll("/$", "") + PATH + token;
		accounts.hookAddress(tenant, Sha256.of(token), destination, clock.instant());
		try {
			long id = api.subscribe(tenant, subdomain, destination, SETTINGS);
			accounts.hookSubscribed(tenant, id, null, clock.instant());
			return true;
		}
		catch (AmoCrmException ex) {
			log.warn("amoCRM refused the outcomes webhook of tenant {}: {}", tenant, ex.getMessage());
			accounts.hookSubscribed(tenant, null, ex.getMessage(), clock.instant());
			return false;
		}
	}

	/** Unsubscribes the tenant's webhook from amoCRM, if there is one; a failure is logged (its token dies anyway). */
	public void unsubscribe(TenantId tenant, String subdomain) {
		Optional<String> destination = accounts.hookDestination(tenant);
		if (destination.isEmpty()) {
			return;
		}
		try {
			api.unsubscribe(tenant, subdomain, destination.get());
		}
		catch (AmoCrmException ex) {
			log.warn("amoCRM did not unsubscribe the outcomes webhook of tenant {}: {}", tenant, ex.getMessage());
		}
	}

	/** The tenant a webhook's token belongs to; empty for a token of no connected account (or not shaped as ours). */
	public Optional<TenantId> tenantOf(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return accounts.byHookToken(Sha256.of(token));
	}
}

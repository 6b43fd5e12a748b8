package ru.kredo.operator;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.accounts.NewUser;
import ru.kredo.accounts.Role;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.apikeys.ApiKey;
import ru.kredo.apikeys.ApiKeyId;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.apikeys.IssuedApiKey;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.tenancy.TenantId;

/**
 * The platform's own people and keys, for a Kredo without the demo: its operators (who create tenants and upload
 * bureau files) and the API keys bureau feeds push events with. The command line reaches it; an operator's pages
 * issue feed keys too.
 */
@Service
public class PlatformAccess {

	private final UserAccounts accounts;
	private final ApiKeys apiKeys;
	private final AuditLog audit;
	private final TenantProvisioning provisioning;

	PlatformAccess(UserAccounts accounts, ApiKeys apiKeys, AuditLog audit, TenantProvisioning provisioning) {
		this.accounts = accounts;
		this.apiKeys = apiKeys;
		this.audit = audit;
		this.provisioning = provisioning;
	}

	/**
	 * @param password the operator's password, or {@code null} to generate one (returned, to be handed over)
	 */
	@Transactional
	public CreatedOperator createOperator(String email, String name, String password, AuditActor actor) {
		boolean generate = password == null || password.isEmpty();
		String chosen = generate ? provisioning.generatedPassword() : password;
		User operator = accounts.create(TenantId.PLATFORM, new NewUser(email, name, Role.OPERATOR, chosen));
		audit.record(TenantId.PLATFORM, actor, AuditAction.USER_CREATED, "user", operator.id(), Role.OPERATOR.name());
		return new CreatedOperator(operator, generate ? chosen : null);
	}

	/**
	 * A new API key of the platform, for a bureau feed to push {@code /api/v1/events} with; its secret shown once. The
	 * command line's key has no issuer and stands on its own.
	 */
	@Transactional
	public IssuedApiKey issueFeedKey(String name, AuditActor actor) {
		return issueFeedKey(name, actor, null);
	}

	/**
	 * @param issuer the operator who issued it on his page: like every key a user issues, it works while he is an
	 *        enabled operator, and is revoked when he is disabled ({@code ApiKeys})
	 */
	@Transactional
	public IssuedApiKey issueFeedKey(String name, AuditActor actor, UserId issuer) {
		IssuedApiKey key = apiKeys.issue(TenantId.PLATFORM, name, actor.id(), issuer);
		audit.record(TenantId.PLATFORM, actor, AuditAction.API_KEY_ISSUED, "api-key", key.key().id(), "feed");
		return key;
	}

	/** The feeds: every API key of the platform, newest first, revoked ones too. */
	public List<ApiKey> feedKeys() {
		return apiKeys.all(TenantId.PLATFORM);
	}

	/** A feed's key; 404 for a key of a broker or an agency, as for none. */
	public ApiKey feedKey(ApiKeyId id) {
		return apiKeys.get(TenantId.PLATFORM, id);
	}

	/** Revokes a feed's key: its next request, and every one after, is refused (401). */
	@Transactional
	public ApiKey revokeFeedKey(ApiKeyId id, AuditActor actor) {
		ApiKey revoked = apiKeys.revoke(TenantId.PLATFORM, id);
		audit.record(TenantId.PLATFORM, actor, AuditAction.API_KEY_REVOKED, "api-key", id, "feed");
		return revoked;
	}

	/** @param generatedPassword the password if Kredo generated it, else {@code null} */
	public record CreatedOperator(User operator, String generatedPassword) {

		@Override
		public String toString() {
			return "CreatedOperator[" + operator.id() + "]";
		}
	}
}

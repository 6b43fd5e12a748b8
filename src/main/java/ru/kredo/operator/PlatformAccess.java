package ru.kredo.operator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.accounts.NewUser;
import ru.kredo.accounts.Role;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
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

	/** A new API key of the platform, for a bureau feed to push {@code /api/v1/events} with; its secret shown once. */
	@Transactional
	public IssuedApiKey issueFeedKey(String name, AuditActor actor) {
		IssuedApiKey key = apiKeys.issue(TenantId.PLATFORM, name, actor.id());
		audit.record(TenantId.PLATFORM, actor, AuditAction.API_KEY_ISSUED, "api-key", key.key().id(), null);
		return key;
	}

	/** @param generatedPassword the password if Kredo generated it, else {@code null} */
	public record CreatedOperator(User operator, String generatedPassword) {

		@Override
		public String toString() {
			return "CreatedOperator[" + operator.id() + "]";
		}
	}
}

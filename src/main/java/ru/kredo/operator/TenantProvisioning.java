package ru.kredo.operator;

import java.security.SecureRandom;

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
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantKind;

/** Creates a working tenant in one step: the tenant, its first admin and its first API key, or none of them. */
@Service
public class TenantProvisioning {

	private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final TenantDirectory tenants;
	private final UserAccounts accounts;
	private final ApiKeys apiKeys;
	private final AuditLog audit;
	private final SecureRandom random = new SecureRandom();

	TenantProvisioning(TenantDirectory tenants, UserAccounts accounts, ApiKeys apiKeys, AuditLog audit) {
		this.tenants = tenants;
		this.accounts = accounts;
		this.apiKeys = apiKeys;
		this.audit = audit;
	}

	/**
	 * @param adminPassword the admin's password, or {@code null} to generate one (returned, to be handed over)
	 * @param actor who provisions, for the audit log
	 */
	@Transactional
	public Provisioned provision(String name, TenantKind kind, String adminEmail, String adminName,
			String adminPassword, AuditActor actor) {
		return provision(name, kind, false, adminEmail, adminName, adminPassword, actor);
	}

	/**
	 * A tenant created as a sandbox ({@code sandbox}: its admin may move its clock forward, docs/sandbox.md) or a real
	 * one, for good: nothing changes it afterwards.
	 *
	 * @param adminPassword the admin's password, or {@code null} to generate one (returned, to be handed over)
	 * @param actor who provisions, for the audit log
	 */
	@Transactional
	public Provisioned provision(String name, TenantKind kind, boolean sandbox, String adminEmail, String adminName,
			String adminPassword, AuditActor actor) {
		if (kind == null || kind == TenantKind.PLATFORM) {
			throw new Rejected("tenant.kind-invalid");
		}
		if (tenants.findByName(name == null ? "" : name.strip()).isPresent()) {
			throw new Rejected("tenant.name-taken");
		}
		Tenant tenant = tenants.create(name, kind, sandbox);
		String password = adminPassword == null || adminPassword.isEmpty() ? generatedPassword() : adminPassword;
		User admin = accounts.create(tenant.id(), new NewUser(adminEmail, adminName, Role.ADMIN, password));
		IssuedApiKey key = apiKeys.issue(tenant.id(), "Первый ключ", actor.id(), null);
		audit.record(tenant.id(), actor, AuditAction.TENANT_CREATED, "tenant", tenant.id(),
				sandbox ? kind.name() + " sandbox" : kind.name());
		audit.record(tenant.id(), actor, AuditAction.USER_CREATED, "user", admin.id(), Role.ADMIN.name());
		audit.record(tenant.id(), actor, AuditAction.API_KEY_ISSUED, "api-key", key.key().id(), null);
		return new Provisioned(tenant, admin, adminPassword == null || adminPassword.isEmpty() ? password : null, key);
	}

	String generatedPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	/**
	 * @param generatedPassword the admin's password if Kredo generated it, else {@code null}
	 * @param apiKey the first API key with its secret, to show once
	 */
	public record Provisioned(Tenant tenant, User admin, String generatedPassword, IssuedApiKey apiKey)
			implements java.io.Serializable {

		@Override
		public String toString() {
			return "Provisioned[" + tenant.id() + "]";
		}
	}
}

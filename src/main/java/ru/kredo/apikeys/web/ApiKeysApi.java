package ru.kredo.apikeys.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.apikeys.ApiKey;
import ru.kredo.apikeys.ApiKeyId;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.tenancy.CurrentTenant;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "The tenant's API keys; secrets are never returned after issue")
class ApiKeysApi {

	private static final int MAX_LIMIT = 200;

	private final ApiKeys apiKeys;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final UserAccounts users;

	ApiKeysApi(ApiKeys apiKeys, CurrentTenant current, AuditLog audit, UserAccounts users) {
		this.apiKeys = apiKeys;
		this.current = current;
		this.audit = audit;
		this.users = users;
	}

	@GetMapping
	@Operation(summary = "The tenant's API keys, newest first", description = """
			Revoked ones too (`revokedAt`). A page of at most `limit` keys (default 100, at most 200): `items`, \
			`total`, `nextCursor` — pass it back as `cursor`; `null` is the last page (docs/api-lists.md).""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
			name = "one key", value = """
					{"items":[{"id":"7d6c5b4a-3928-4716-a5b4-c3d2e1f0a9b8","name":"Битрикс24","prefix":"kredo_Xy12",
					"issuedBy":{"id":"3f2e1d0c-9b8a-4765-a4b3-c2d1e0f9a8b7","displayName":"Анна Петрова",
					"email":"anna@romashka.ru"},"createdAt":"2026-11-20T09:00:00Z","lastUsedAt":"2026-12-09T07:00:00Z",
					"revokedAt":null}],"total":1,"totalIsEstimate":false,"nextCursor":null}""")))
	ApiList<ApiKeyResource> all(
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		Map<UserId, User> issuers = issuers();
		return ApiList.slice(apiKeys.all(current.id()), key -> new Cursor(key.createdAt(), key.id().value()), true,
				cursor, ApiList.limit(limit, MAX_LIMIT), key -> ApiKeyResource.of(key, issuers));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One API key; 404 if there is no such key in this tenant")
	ApiKeyResource one(@PathVariable UUID id) {
		return ApiKeyResource.of(apiKeys.get(current.id(), new ApiKeyId(id)), issuers());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke an API key; requests with it are refused from then on")
	ApiKeyResource revoke(@PathVariable UUID id) {
		ApiKey key = apiKeys.revoke(current.id(), new ApiKeyId(id));
		audit.record(AuditAction.API_KEY_REVOKED, "api-key", key.id(), null);
		return ApiKeyResource.of(key, issuers());
	}

	private Map<UserId, User> issuers() {
		return users.all(current.id()).stream().collect(Collectors.toMap(User::id, user -> user));
	}

	/** @param issuedBy the user who issued the key; {@code null} when unknown (the command line's, or older keys) */
	record ApiKeyResource(UUID id, String name, String prefix, Issuer issuedBy, Instant createdAt, Instant lastUsedAt,
			Instant revokedAt) {

		static ApiKeyResource of(ApiKey key, Map<UserId, User> issuers) {
			User issuer = key.issuedBy() == null ? null : issuers.get(key.issuedBy());
			return new ApiKeyResource(key.id().value(), key.name(), key.prefix(),
					issuer == null ? null : new Issuer(issuer.id().value(), issuer.displayName(), issuer.email().value()),
					key.createdAt(), key.lastUsedAt(), key.revokedAt());
		}
	}

	record Issuer(UUID id, String displayName, String email) {
	}
}

package ru.kredo.accounts.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.tenancy.CurrentTenant;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "The tenant's users (read-only over the API)")
class UsersApi {

	private static final int MAX_LIMIT = 200;

	private final UserAccounts accounts;
	private final CurrentTenant current;

	UsersApi(UserAccounts accounts, CurrentTenant current) {
		this.accounts = accounts;
		this.current = current;
	}

	@GetMapping
	@Operation(summary = "The tenant's users, in the order they were added", description = """
			A page of at most `limit` users (default 100, at most 200): `items`, `total`, `nextCursor` — pass it back \
			as `cursor`; `null` is the last page (docs/api-lists.md).""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
			name = "one user", value = """
					{"items":[{"id":"3f2e1d0c-9b8a-4765-a4b3-c2d1e0f9a8b7","email":"anna@romashka.ru",
					"displayName":"Анна Петрова","role":"ADMIN","enabled":true,"createdAt":"2026-11-20T09:00:00Z"}],
					"total":1,"totalIsEstimate":false,"nextCursor":null}""")))
	ApiList<UserResource> all(
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		return ApiList.slice(accounts.all(current.id()), user -> new Cursor(user.createdAt(), user.id().value()), false,
				cursor, ApiList.limit(limit, MAX_LIMIT), UserResource::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One user of the tenant; 404 if there is no such user in this tenant")
	UserResource one(@PathVariable UUID id) {
		return UserResource.of(accounts.get(current.id(), new UserId(id)));
	}

	record UserResource(UUID id, String email, String displayName, String role, boolean enabled, Instant createdAt) {

		static UserResource of(User user) {
			return new UserResource(user.id().value(), user.email().value(), user.displayName(), user.role().name(),
					user.enabled(), user.createdAt());
		}
	}
}

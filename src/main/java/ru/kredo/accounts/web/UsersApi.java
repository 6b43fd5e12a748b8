package ru.kredo.accounts.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.tenancy.CurrentTenant;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "The tenant's users (read-only over the API)")
class UsersApi {

	private final UserAccounts accounts;
	private final CurrentTenant current;

	UsersApi(UserAccounts accounts, CurrentTenant current) {
		this.accounts = accounts;
		this.current = current;
	}

	@GetMapping
	@Operation(summary = "All users of the tenant")
	List<UserResource> all() {
		return accounts.all(current.id()).stream().map(UserResource::of).toList();
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

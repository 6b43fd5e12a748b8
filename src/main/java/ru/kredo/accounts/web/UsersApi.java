package ru.kredo.accounts.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.accounts.PasswordLinks;
import ru.kredo.accounts.PasswordLinks.IssuedLink;
import ru.kredo.accounts.Role;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;

/**
 * The tenant's users by API (issue 15), as an admin keeps them on «Пользователи»: invite one with a role, change a
 * role, switch access off and on, with the page's rules and audit lines. A key acts with the powers of the admin who
 * issued it (a key works only while he is an enabled admin): it may do what the page lets him do and no more — so it
 * never changes him (his own role and access another admin changes), never makes an operator, and never leaves the
 * tenant without an enabled admin. Users are only invited here (never given a password through an integration): the
 * one-time link is answered once, as the page shows it once; so is an invitation sent again and a manager's
 * password-reset link. See {@code docs/staff-access.md}, «API».
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "The tenant's users: read, invite (and again), change role, switch access off "
		+ "and on, a manager's password-reset link")
class UsersApi {

	private static final String PROBLEM = "application/problem+json";
	private static final String USER_EXAMPLE = """
			{"id":"3f2b8a1c-4d5e-4f60-8a7b-9c0d1e2f3a4b","email":"anna@agency.ru","displayName":"Анна Петрова",\
			"role":"MANAGER","enabled":true,"createdAt":"2026-12-06T10:00:00Z"}""";
	private static final String INVITE_BODY = """
			{"email":"anna@agency.ru","displayName":"Анна Петрова","role":"MANAGER"}""";
	private static final String INVITED_EXAMPLE = """
			{"user":""" + USER_EXAMPLE + """
			,"invitationLink":"https://kredo.example/password-links/6Yc…","linkExpiresAt":"2026-12-09T10:00:00Z",\
			"mailed":false}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",\
			"errors":[{"field":"email","code":"user.email-taken","message":"Пользователь с такой почтой уже есть."}]}""";
	private static final String LAST_ADMIN_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"Это последний администратор организации: сначала назначьте другого.","code":"user.last-admin"}""";
	private static final String LINK_EXAMPLE = """
			{"user":""" + USER_EXAMPLE + """
			,"link":"https://kredo.example/password-links/6Yc…","expiresAt":"2026-12-09T10:00:00Z","mailed":false}""";
	private static final String NOT_INVITED_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"Этот пользователь уже задал себе пароль: приглашение повторно не отправляется.","code":"user.not-invited"}""";
	private static final int MAX_LIMIT = 200;

	private final UserAccounts accounts;
	private final PasswordLinks links;
	private final CurrentTenant current;
	private final AuditLog audit;

	UsersApi(UserAccounts accounts, PasswordLinks links, CurrentTenant current, AuditLog audit) {
		this.accounts = accounts;
		this.links = links;
		this.current = current;
		this.audit = audit;
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
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "user", value = USER_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such user in this tenant (user.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	UserResource one(@PathVariable UUID id) {
		return UserResource.of(accounts.get(current.id(), new UserId(id)));
	}

	@PostMapping
	@Operation(summary = "Invite a user with a role (MANAGER or ADMIN), as «Пригласить» on the page", description = """
			The user is added without a password and sets his own by a one-time link: `invitationLink`, answered \
			this once (as the page shows it once) and mailed to him when a mail server is configured (`mailed`). \
			The fields are checked as the page checks them, every wrong one named at once in `errors`: \
			`displayName` (user.name-required), `email` (user.email-invalid, user.email-lookalike, user.email-taken), `role` \
			(user.role-required, user.role-not-allowed: OPERATOR is never given). Audited as USER_CREATED.""")
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "invited", value = INVITED_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields in `errors`", content = @Content(
			mediaType = PROBLEM, examples = @ExampleObject(name = "login taken", value = INVALID_EXAMPLE)))
	ResponseEntity<Invited> invite(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "a manager", value = INVITE_BODY)))
			@RequestBody(required = false) Invitation body) {
		Invitation typed = body == null ? new Invitation(null, null, null) : body;
		Map<String, Rejected> errors = new LinkedHashMap<>();
		Role role = null;
		try {
			role = role(typed.role());
		}
		catch (Rejected unknown) {
			errors.put("role", unknown);
		}
		UserForm form = new UserForm(typed.email(), typed.displayName(), role);
		try {
			form.check(false, null);
		}
		catch (InvalidFields invalid) {
			invalid.errors().forEach(errors::putIfAbsent);
		}
		if (!errors.isEmpty()) {
			throw new InvalidFields(errors);
		}
		IssuedLink link;
		try {
			link = links.invite(current.id(), form.email(), form.displayName(), form.role(), actingUser());
		}
		catch (Rejected rejected) {
			String field = UserForm.fieldOf(rejected);
			throw field.isEmpty() ? rejected : new InvalidFields(Map.of(field, rejected));
		}
		audit.record(AuditAction.USER_CREATED, "user", link.user().id(), "invited:" + link.user().role().name());
		return ResponseEntity.created(URI.create("/api/v1/users/" + link.user().id().value()))
			.body(new Invited(UserResource.of(link.user()), link.address().toString(), link.expiresAt(), link.mailed()));
	}

	@PutMapping("/{id}/role")
	@Operation(summary = "Change a user's role (MANAGER or ADMIN), as on his page", description = """
			The key's own issuer is not changed by it (user.cannot-change-self: another admin changes him), OPERATOR \
			is never given (user.role-not-allowed), and the tenant's last enabled admin keeps his role \
			(user.last-admin). An admin made a manager loses the API keys he issued, at once. Audited as \
			USER_CHANGED.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "changed", value = USER_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A refused change, with its code", content = @Content(
			mediaType = PROBLEM, examples = @ExampleObject(name = "last admin", value = LAST_ADMIN_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such user in this tenant (user.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	UserResource changeRole(@PathVariable UUID id, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "make admin",
					value = "{\"role\":\"ADMIN\"}"))) @RequestBody(required = false) RoleChange body) {
		accounts.get(current.id(), new UserId(id));
		Role role;
		try {
			role = role(body == null ? null : body.role());
		}
		catch (Rejected unknown) {
			throw new InvalidFields(Map.of("role", unknown));
		}
		if (role == null) {
			throw new InvalidFields(Map.of("role", new Rejected("user.role-required")));
		}
		User user = accounts.changeRole(current.id(), new UserId(id), role, actingUser());
		audit.record(AuditAction.USER_CHANGED, "user", id, "role:" + role);
		return UserResource.of(user);
	}

	@PutMapping("/{id}/enabled")
	@Operation(summary = "Switch a user's access off (`false`) or on (`true`), as on his page", description = """
			A user switched off cannot sign in, his sessions end and the API keys he issued are revoked for good. \
			The key's own issuer is not switched off by it (user.cannot-change-self), nor the tenant's last enabled \
			admin (user.last-admin). Audited as USER_CHANGED.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "changed", value = USER_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A refused change, with its code; `enabled` missing "
			+ "(user.enabled-required)", content = @Content(mediaType = PROBLEM,
					examples = @ExampleObject(name = "last admin", value = LAST_ADMIN_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such user in this tenant (user.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	UserResource setEnabled(@PathVariable UUID id, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "switch off",
					value = "{\"enabled\":false}"))) @RequestBody(required = false) Access body) {
		accounts.get(current.id(), new UserId(id));
		if (body == null || body.enabled() == null) {
			throw new InvalidFields(Map.of("enabled", new Rejected("user.enabled-required")));
		}
		User user = accounts.setEnabled(current.id(), new UserId(id), body.enabled(), actingUser());
		audit.record(AuditAction.USER_CHANGED, "user", id, "enabled:" + body.enabled());
		return UserResource.of(user);
	}

	@PostMapping("/{id}/invitation")
	@Operation(summary = "Send an invitation again, as «Отправить приглашение ещё раз» on his page", description = """
			A new one-time link for a user who was invited and has not yet set his password (his earlier links end), \
			answered this once as `link` and mailed to him when a mail server is configured (`mailed`). Anyone else \
			is refused (user.not-invited). Audited as USER_CHANGED `invitation-sent-again`.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "sent again", value = LINK_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not invited, or his password is set (user.not-invited)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not invited",
					value = NOT_INVITED_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such user in this tenant (user.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	IssuedPasswordLink inviteAgain(@PathVariable UUID id) {
		IssuedLink link = links.inviteAgain(current.id(), new UserId(id), actingUser());
		audit.record(AuditAction.USER_CHANGED, "user", id, "invitation-sent-again");
		return IssuedPasswordLink.of(link);
	}

	@PostMapping("/{id}/password-link")
	@Operation(summary = "A manager's password-reset link, as «Сбросить пароль» on his page", description = """
			A one-time link that sets a new password (his present one works until the link is used), answered this \
			once as `link` and mailed to him when a mail server is configured (`mailed`). A manager's only: an \
			admin's, or a manager's who was ever an admin, is refused (user.reset-admin-not-allowed) — the link \
			would let the caller take over his account; it is reset by the platform's operator \
			(docs/staff-access.md). Audited as USER_CHANGED `password-reset-link`.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "reset", value = LINK_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "An admin's password (user.reset-admin-not-allowed)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such user in this tenant (user.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	IssuedPasswordLink passwordLink(@PathVariable UUID id) {
		IssuedLink link = links.resetByKey(current.id(), new UserId(id), actingUser());
		audit.record(AuditAction.USER_CHANGED, "user", id, "password-reset-link");
		return IssuedPasswordLink.of(link);
	}

	private UserId actingUser() {
		UUID id = current.actor().actingUserId();
		return id == null ? null : new UserId(id);
	}

	/** A role as the page's select sends it; one it does not offer is refused as the page refuses OPERATOR. */
	private static Role role(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Role.valueOf(typed.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("user.role-not-allowed");
		}
	}

	/** @param role MANAGER or ADMIN */
	record Invitation(String email, String displayName, String role) {
	}

	/** @param role MANAGER or ADMIN */
	record RoleChange(String role) {
	}

	record Access(Boolean enabled) {
	}

	/**
	 * @param invitationLink the one-time link that sets the user's password: answered this once, never again
	 * @param mailed whether it was also mailed to him
	 */
	record Invited(UserResource user, String invitationLink, Instant linkExpiresAt, boolean mailed) {
	}

	/**
	 * @param link the one-time link: answered this once, never again
	 * @param mailed whether it was also mailed to the user
	 */
	record IssuedPasswordLink(UserResource user, String link, Instant expiresAt, boolean mailed) {

		static IssuedPasswordLink of(IssuedLink link) {
			return new IssuedPasswordLink(UserResource.of(link.user()), link.address().toString(), link.expiresAt(),
					link.mailed());
		}
	}

	record UserResource(UUID id, String email, String displayName, String role, boolean enabled, Instant createdAt) {

		static UserResource of(User user) {
			return new UserResource(user.id().value(), user.email().value(), user.displayName(), user.role().name(),
					user.enabled(), user.createdAt());
		}
	}
}

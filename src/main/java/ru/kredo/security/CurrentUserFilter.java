package ru.kredo.security;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.UserAccounts;

/**
 * A session keeps the user it signed in, but not his powers: on every request the user is read again by primary key
 * ({@link UserAccounts#current}). Disabled (or gone), his session ends there and the request goes on anonymous, so a
 * page sends him to sign in and nothing else is served; with another role, this request already has the new one.
 * Nothing is cached, so a change on one node holds on every other at once.
 */
class CurrentUserFilter extends OncePerRequestFilter {

	private final UserAccounts accounts;

	CurrentUserFilter(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
			Optional<SignedInUser> now = accounts.current(signedIn);
			if (now.isEmpty()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else if (!now.get().equals(signedIn)) {
				UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(now.get(),
						null, now.get().getAuthorities());
				fresh.setDetails(authentication.getDetails());
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(fresh);
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}
}

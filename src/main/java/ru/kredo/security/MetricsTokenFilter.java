package ru.kredo.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a Prometheus server that presents {@code Authorization: Bearer <kredo.metrics-token>} read the metrics. With
 * no token configured nobody is let in this way (the metrics name tenants' activity, the sign-in refusals, the pool).
 */
class MetricsTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	MetricsTokenFilter(String token) {
		this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (token != null && header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				&& MessageDigest.isEqual(token, header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8))) {
			SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
					"metrics", null, List.of(new SimpleGrantedAuthority("ROLE_METRICS"))));
		}
		chain.doFilter(request, response);
	}
}

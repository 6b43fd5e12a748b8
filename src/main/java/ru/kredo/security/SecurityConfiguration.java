package ru.kredo.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.accounts.UserAccounts;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.platform.Problems;
import ru.kredo.platform.RateLimits;
import ru.kredo.privacy.PersonalData;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(SignInLimits.class)
class SecurityConfiguration {

	/** Only Kredo's own scripts, styles and images; no inline code, no framing, forms post only here. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * Prometheus metrics: only for a scraper with the {@code kredo.metrics-token} bearer token, or a signed-in platform
	 * operator. Health (liveness, readiness) stays public, below.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metrics(HttpSecurity http, @Value("${kredo.metrics-token:}") String token) throws Exception {
		return http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole("METRICS", "OPERATOR"))
			.addFilterBefore(new MetricsTokenFilter(token), BasicAuthenticationFilter.class)
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				response.sendError(401);
			}))
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, Problems problemDetails, JsonMapper json)
			throws Exception {
		ProblemResponses problems = new ProblemResponses(problemDetails, json);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain ui(HttpSecurity http, SignInLimits limits, PersonalData keys, RateLimits rateLimits,
			MeterRegistry meters, UserAccounts accounts) throws Exception {
		SignInThrottle throttle = new SignInThrottle(limits, keys, rateLimits);
		SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/");
		home.setAlwaysUseDefaultTargetUrl(true);
		SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/verify", "/error", "/webjars/**", "/assets/**", "/favicon.ico")
				.permitAll()
				// A one-time link that sets a user's password (an invitation, a reset): the token is the credential.
				.requestMatchers("/password-links/**")
				.permitAll()
				// The debtor's cabinet has its own sign-in (ФИО, phone, SMS code), not a Kredo user's.
				.requestMatchers("/cabinet/**")
				.permitAll()
				// A debtor's personal link to the cabinet (docs/invitations.md): the token names his agency's cabinet.
				.requestMatchers("/i/*")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				// Payment providers notify, and the sandbox provider's page is a provider's page: neither has a Kredo user.
				.requestMatchers("/payments/notifications/**", "/payments/sandbox/**").permitAll()
				// amoCRM posts outcomes' webhooks: the token in the address is the credential (docs/crm-amocrm.md).
				.requestMatchers("/crm/amocrm/hooks/*").permitAll()
				// Bitrix24 posts outcomes' events likewise: the token in the address, then the application token.
				.requestMatchers("/crm/bitrix24/events/*").permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
				.requestMatchers("/operator/**").hasRole("OPERATOR")
				.requestMatchers("/users/**", "/api-keys/**", "/audit/**", "/webhooks/**", "/signals/ranking/**")
				.hasAnyRole("ADMIN", "OPERATOR")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler((request, response, authentication) -> {
					throttle.succeeded(request, response);
					home.onAuthenticationSuccess(request, response, authentication);
				})
				.failureHandler((request, response, ex) -> {
					throttle.failed(request);
					wrong.onAuthenticationFailure(request, response, ex);
				}))
			// A provider's notification carries no CSRF token; nothing in it is believed (it is re-read from the provider).
			// amoCRM's webhook neither: its token names the account, and it is read back from amoCRM too.
			// Bitrix24's events neither: the token in the address names the portal; the entity is read back too.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/payments/notifications/**", "/crm/amocrm/hooks/*",
					"/crm/bitrix24/events/*"))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.addFilterBefore(new SignInRateLimit(throttle, meters), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new OverlongPasswords(), UsernamePasswordAuthenticationFilter.class)
			// A disabled user's session ends, a demoted admin's role drops, at the next request.
			.addFilterBefore(new CurrentUserFilter(accounts), AnonymousAuthenticationFilter.class)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}
}

package ru.kredo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * MockMvc's {@link MockHttpSession} carried to the real session store (Spring Session JDBC, as in production) as the
 * session cookie a browser would send. Spring Session reads its cookie, never the servlet container's session, so a
 * test's {@code .session(session)} alone would reach nobody's session. Before each MockMvc request that carries a
 * {@code MockHttpSession} (and no session cookie of its own), this filter — ahead of Spring Session's — writes the
 * mock session's attributes into the stored session it stands for (made at its first request) and sends that
 * session's cookie; after the request it copies the stored session back into the mock one, follows a changed session
 * id (sign-in), invalidates the mock session when the stored one ended (sign-out), and gives a request that was sent
 * without a session the one it started ({@code result.getRequest().getSession()}, as before). So every test goes
 * through the same store, serialisation and cookie as production, and reads and writes its sessions as it always did.
 * Requests that are not MockMvc's (a real HTTP client's) pass untouched.
 */
@Configuration(proxyBeanMethods = false)
public class MockSessions {

	// Scanned into every context of the tests' classpath (a command line's too, which has no session store): the store is
	// looked up at the first request.
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<CarryMockSession> carryMockSession(ObjectProvider<SessionRepository<?>> sessions,
			ObjectProvider<CookieSerializer> cookies, ObjectProvider<JdbcTemplate> jdbc) {
		FilterRegistrationBean<CarryMockSession> registration = new FilterRegistrationBean<>(
				new CarryMockSession(sessions, cookies, jdbc));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	static final class CarryMockSession extends OncePerRequestFilter {

		// Which stored session each of the tests' mock sessions stands for (by identity; forgotten with the mock session).
		private final Map<MockHttpSession, String> stored = Collections.synchronizedMap(new WeakHashMap<>());
		private final ObjectProvider<SessionRepository<?>> repository;
		private final ObjectProvider<CookieSerializer> cookies;
		private final ObjectProvider<JdbcTemplate> jdbc;
		private SessionRepository<Session> sessions;
		// Spring Session's own cookie serializer writes and reads the cookie (its name, its encoding), as for a browser.
		private CookieSerializer serializer;
		private String cookie;

		CarryMockSession(ObjectProvider<SessionRepository<?>> repository, ObjectProvider<CookieSerializer> cookies,
				ObjectProvider<JdbcTemplate> jdbc) {
			this.repository = repository;
			this.cookies = cookies;
			this.jdbc = jdbc;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			MockHttpServletResponse mockResponse = WebUtils.getNativeResponse(response, MockHttpServletResponse.class);
			if (mock == null || mockResponse == null || sessions() == null || sentCookie(mock)) {
				chain.doFilter(request, response);
				return;
			}
			MockHttpSession given = (MockHttpSession) mock.getSession(false);
			String sent = given == null ? null : carryIn(given, mock);
			String sentRow = sent == null ? null : row(sent);
			chain.doFilter(request, response);
			carryOut(given, sent, sentRow, mock, mockResponse);
		}

		/** The mock session's attributes into its stored session, and that session's cookie onto the request. */
		private String carryIn(MockHttpSession given, MockHttpServletRequest mock) {
			String id = stored.get(given);
			Session session = id == null ? null : sessions.findById(id);
			if (session == null) {
				session = sessions.createSession();
			}
			for (String name : new ArrayList<>(session.getAttributeNames())) {
				if (given.getAttribute(name) == null) {
					session.removeAttribute(name);
				}
			}
			for (String name : Collections.list(given.getAttributeNames())) {
				session.setAttribute(name, given.getAttribute(name));
			}
			sessions.save(session);
			stored.put(given, session.getId());
			List<Cookie> cookies = new ArrayList<>(mock.getCookies() == null ? List.of() : Arrays.asList(mock.getCookies()));
			cookies.add(cookieOf(session.getId()));
			mock.setCookies(cookies.toArray(Cookie[]::new));
			return session.getId();
		}

		/** The stored session as the request left it, back into the mock session (one made for it if none was given). */
		private void carryOut(MockHttpSession given, String sent, String sentRow, MockHttpServletRequest mock,
				MockHttpServletResponse response) {
			String id = sent;
			for (String set : response.getHeaders("Set-Cookie")) {
				if (set.startsWith(cookie + "=")) {
					String value = set.substring(cookie.length() + 1).split(";", 2)[0];
					id = value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0") ? null
							: idOf(new Cookie(cookie, value));
				}
			}
			Session session = id == null ? null : sessions.findById(id);
			if (session == null) {
				if (given != null) {
					stored.remove(given);
					if (sent != null && !given.isInvalid()) {
						given.invalidate();
					}
				}
				return;
			}
			// A new id for the same stored session (sign-in changes it) keeps the mock session; another stored session
			// means the one sent was ended (sign-out, a disabled user) and a new one begun, as the container did.
			if (given != null && sent != null && !id.equals(sent) && !sentRow.equals(row(id)) && !given.isInvalid()) {
				given.invalidate();
			}
			MockHttpSession target = given != null && !given.isInvalid() ? given
					: (MockHttpSession) mock.getSession(true);
			target.clearAttributes();
			for (String name : session.getAttributeNames()) {
				target.setAttribute(name, session.getAttribute(name));
			}
			stored.put(target, session.getId());
		}

		/** The stored session's row: Spring Session JDBC keeps it when it changes the session's id. */
		private String row(String id) {
			return jdbc.getObject().queryForList("select primary_id from spring_session where session_id = ?", String.class, id)
				.stream().findFirst().orElse("");
		}

		@SuppressWarnings("unchecked")
		private SessionRepository<Session> sessions() {
			if (sessions == null) {
				sessions = (SessionRepository<Session>) repository.getIfAvailable();
				serializer = cookies.getIfAvailable();
				if (sessions != null && serializer != null) {
					cookie = cookieOf("probe").getName();
				}
			}
			return serializer == null ? null : sessions;
		}

		/** The session cookie Spring Session would give a browser for this session id. */
		private Cookie cookieOf(String id) {
			MockHttpServletResponse written = new MockHttpServletResponse();
			serializer.writeCookieValue(new CookieSerializer.CookieValue(new MockHttpServletRequest(), written, id));
			String pair = written.getHeader("Set-Cookie").split(";", 2)[0];
			return new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}

		/** The session id a session cookie carries, as Spring Session reads it. */
		private String idOf(Cookie set) {
			MockHttpServletRequest reading = new MockHttpServletRequest();
			reading.setCookies(new Cookie(set.getName(), set.getValue()));
			List<String> ids = serializer.readCookieValues(reading);
			return ids.isEmpty() ? null : ids.getFirst();
		}

		private boolean sentCookie(MockHttpServletRequest mock) {
			return mock.getCookies() != null && Arrays.stream(mock.getCookies()).anyMatch(c -> cookie.equals(c.getName()));
		}
	}
}

package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * The requests the cabinet's and the inbox's integration tests make through MockMvc: a debtor signed in (his session,
 * as the door leaves it), a page he or a member of staff reads (200), a form that answers with a redirect, a status.
 */
@Component
public class CabinetMvc {

	// Only the contexts of integration tests have a MockMvc (benchmarks scan this class too).
	private final ObjectProvider<MockMvc> mvc;

	CabinetMvc(ObjectProvider<MockMvc> mvc) {
		this.mvc = mvc;
	}

	/** A session in which this debtor has signed in to his agency's cabinet. */
	public MockHttpSession signedIn(TenantId agency, ContactId debtor) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SignedInDebtors.ATTRIBUTE, new SignedInDebtor(agency, debtor));
		return session;
	}

	/** The debtor's page at {@code path}, which must answer 200. */
	public String page(String path, MockHttpSession session) throws Exception {
		return ok(path, mvc.getObject().perform(get(path).session(session)).andReturn());
	}

	/** A staff page at {@code path}, read as {@code staff}, which must answer 200. */
	public String staffPage(String path, UserDetails staff) throws Exception {
		return ok(path, mvc.getObject().perform(get(path).with(user(staff))).andReturn());
	}

	/** A form sent in the debtor's session (with its CSRF token): where its redirect leads. */
	public String redirect(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		MvcResult result = mvc.getObject().perform(request.session(session).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	public int status(RequestBuilder request) throws Exception {
		return mvc.getObject().perform(request).andReturn().getResponse().getStatus();
	}

	private static String ok(String path, MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}

package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A signed-in debtor answering the consent to processing personal data as the home page asks it. */
public final class CabinetConsent {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9a-f]{64})\"");

	private CabinetConsent() {
	}

	/** The version of the consent the home page asks; fails when it asks none. */
	public static String asked(MockMvc mvc, MockHttpSession session, String door) throws Exception {
		String home = mvc.perform(get(door + "/home").session(session)).andReturn().getResponse().getContentAsString();
		Matcher version = VERSION.matcher(home);
		assertThat(version.find()).as("the home page asks for the consent").isTrue();
		return version.group(1);
	}

	/** Gives the consent the home page asks. */
	public static void give(MockMvc mvc, MockHttpSession session, String door) throws Exception {
		mvc.perform(post(door + "/consent").param("decision", "give").param("version", asked(mvc, session, door))
			.session(session).with(csrf()));
	}
}

package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;

import ru.kredo.cabinet.PersonalDataConsents;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** The debtor's consent answer, kept in his session for a while so that every page does not read it. */
class ConsentQuestionTests {

	private final Tenant agency = new Tenant(new TenantId(UUID.randomUUID()), "Ориентир", TenantKind.COLLECTOR,
			Instant.parse("2026-01-01T00:00:00Z"), false);
	private final ContactId debtor = new ContactId(UUID.randomUUID());
	private final PersonalDataConsents consents = mock(PersonalDataConsents.class);
	private Instant now = Instant.parse("2026-12-06T10:00:00Z");
	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};
	private final ConsentQuestion question = new ConsentQuestion(consents, clock);
	private final MockHttpServletRequest request = new MockHttpServletRequest();

	@Test
	void aFreshAnswerIsReadOnceAndCountsOnTheNextPagesUntilItIsStale() {
		when(consents.answer(eq(agency.id()), eq(debtor), any())).thenReturn(Optional.empty(), Optional.of(false));

		Model first = page();
		assertThat(question.ask(first, request, agency.id(), debtor)).isFalse();
		assertThat(first.getAttribute("consentAsked")).isEqualTo(true);
		Model second = page();
		question.ask(second, request, agency.id(), debtor);
		assertThat(second.getAttribute("consentAsked")).isEqualTo(true);
		verify(consents, times(1)).answer(eq(agency.id()), eq(debtor), any());

		// Answered elsewhere (another device): this session learns it once its answer is no longer fresh.
		now = now.plus(ConsentQuestion.FRESH).plusSeconds(1);
		Model later = page();
		assertThat(question.ask(later, request, agency.id(), debtor)).isFalse();
		assertThat(later.getAttribute("consentAsked")).isEqualTo(false);
		verify(consents, times(2)).answer(eq(agency.id()), eq(debtor), any());
	}

	@Test
	void hisOwnAnswerCountsAtOnceAndAChangedTextIsAskedAnew() {
		when(consents.answer(eq(agency.id()), eq(debtor), any())).thenReturn(Optional.empty());
		Model asked = page();
		question.ask(asked, request, agency.id(), debtor);
		String version = (String) asked.getAttribute("consentVersion");

		question.answered(request, agency.id(), debtor, version, true);
		Model next = page();
		assertThat(question.ask(next, request, agency.id(), debtor)).isTrue();
		assertThat(next.getAttribute("consentAsked")).isEqualTo(false);
		verify(consents, times(1)).answer(eq(agency.id()), eq(debtor), any());

		// Another debtor in the same browser (signed out, then in) is never given the first one's answer.
		ContactId other = new ContactId(UUID.randomUUID());
		when(consents.answer(eq(agency.id()), eq(other), any())).thenReturn(Optional.empty());
		assertThat(question.ask(page(), request, agency.id(), other)).isFalse();

		// The agency changed its text: a new version, read at once whatever is kept.
		question.answered(request, agency.id(), debtor, "an older version", true);
		Model changed = page();
		assertThat(question.ask(changed, request, agency.id(), debtor)).isFalse();
		assertThat(changed.getAttribute("consentAsked")).isEqualTo(true);
	}

	private Model page() {
		Model model = new ExtendedModelMap();
		model.addAttribute("cabinetAgency", new CabinetAgency(() -> agency, Optional::empty));
		now = now.plus(Duration.ofSeconds(1));
		return model;
	}
}

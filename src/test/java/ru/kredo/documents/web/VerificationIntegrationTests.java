package ru.kredo.documents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.documents.Certificates;
import ru.kredo.documents.IssuedCertificate;
import ru.kredo.documents.SampleCertificates;
import ru.kredo.tenancy.TenantKind;

/** The public page, as a stranger holding a certificate uses it: no sign-in, masked details, no code guessing. */
@IntegrationTest
class VerificationIntegrationTests {

	/** Each test checks from its own address, so one test's checks never spend another's allowance. */
	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Certificates certificates;

	@Autowired
	Fixtures fixtures;

	@Test
	void aStrangerOpensTheCheckFormWithoutSigningIn() throws Exception {
		String page = check(null, address(), status().isOk());

		assertThat(page).contains("Проверка справки о погашении задолженности", "name=\"code\"");
	}

	@Test
	void aGenuineCertificateIsConfirmedWithMaskedDetailsOnly() throws Exception {
		IssuedCertificate issued = certificates.issue(fixtures.tenant(TenantKind.COLLECTOR).tenant().id(),
				SampleCertificates.closedDebt());

		String page = check(issued.verificationCode().value(), address(), status().isOk());

		assertThat(page).contains("Справка действительна", "ООО ПКО «Пример Взыскания»", "Семёнова А. П.",
				"**-****/**4512", "20.11.2026", "23.11.2026");
		assertThat(page).doesNotContain("Семёнова Анна Петровна", "Анна", "14.03.1985", "КД-2019/004512",
				"123\u00a0456,78");
	}

	@Test
	void aCodeTypedInLowerCaseWithoutDashesIsFound() throws Exception {
		IssuedCertificate issued = certificates.issue(fixtures.tenant(TenantKind.COLLECTOR).tenant().id(),
				SampleCertificates.closedDebt());
		String typed = issued.verificationCode().value().replace("-", "").toLowerCase();

		assertThat(check(typed, address(), status().isOk())).contains("Справка действительна");
	}

	@Test
	void anUnknownCodeIsNotFound() throws Exception {
		String page = check("0000-0000-0000", address(), status().isNotFound());

		assertThat(page).contains("Справка с таким кодом не найдена").doesNotContain("Справка действительна");
	}

	@Test
	void somethingThatIsNoCodeAtAllIsNotFoundEither() throws Exception {
		assertThat(check("<script>alert(1)</script>", address(), status().isNotFound()))
			.contains("Справка с таким кодом не найдена")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void checksFromOneAddressAreLimitedSoCodesCannotBeGuessed() throws Exception {
		String address = address();
		for (int i = 0; i < 20; i++) {
			check("0000-0000-%04d".formatted(i), address, status().isNotFound());
		}

		String page = check("0000-0000-0021", address, status().isTooManyRequests());

		assertThat(page).contains("Слишком много проверок").doesNotContain("Справка с таким кодом не найдена");
		check("0000-0000-0021", address(), status().isNotFound());
	}

	/**
	 * An ISP gives one subscriber a whole IPv6 /64: before, each of its 2⁶⁴ addresses had 20 checks of its own, so
	 * sending every request from another one guessed without any limit.
	 */
	@Test
	void checksFromAddressesOfOneIpv6NetworkAreLimitedAsOneAddress() throws Exception {
		String network = "2001:db8:%x:%x:".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000),
				java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
		for (int i = 0; i < 20; i++) {
			check("0000-0000-%04d".formatted(i), network + "%x:%x:0:1".formatted(i, i * 7), status().isNotFound());
		}

		check("0000-0000-0021", network + "ffff:ffff:ffff:ffff", status().isTooManyRequests());
		check("0000-0000-0021", network.replaceFirst(":$", "1:") + ":1", status().isNotFound());
	}

	private String check(String code, String address, ResultMatcher expected) throws Exception {
		var request = get("/verify").with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		if (code != null) {
			request.param("code", code);
		}
		return mvc.perform(request).andExpect(expected).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String address() {
		int n = ADDRESSES.incrementAndGet();
		return "198.51.100." + n;
	}
}

package ru.kredo.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/**
 * An agency brands its cabinet with its colour and logo on the «Кабинет» page; what would be unreadable or unsafe is
 * refused with the reason, and nothing of the refused form is saved. The cabinet shows the agency, never Kredo (its
 * error pages and phone-sized pages: {@code CabinetLookBrowserTests}).
 */
@IntegrationTest
class CabinetLookIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CabinetLooks looks;

	@Test
	void anAdminSetsTheColourAndALogoAndTheCabinetShowsThemFromItsOwnOrigin() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		byte[] png = png(120, 40, new Random(1), false);

		mvc.perform(save(agency, "#0B5D4B", file("logo.png", "image/png", png)))
			.andExpect(redirectedUrl("/cabinet-funnel#look"))
			.andExpect(flash().attribute("notice", "cabinet-look.saved"));

		CabinetLook look = looks.of(agency.tenant().id());
		assertThat(look.accent()).isEqualTo("#0b5d4b");
		assertThat(look.logoType()).isEqualTo("image/png");
		String base = "/cabinet/" + agency.tenant().id().value();
		MvcResult logo = mvc.perform(get(base + "/logo").param("v", Long.toString(look.version())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn();
		assertThat(logo.getResponse().getContentAsByteArray()).isEqualTo(png);
		assertThat(mvc.perform(get(base + "/look.css")).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/css;charset=UTF-8"))
			.andReturn().getResponse().getContentAsString()).contains("--cab-accent: #0b5d4b;");

		String door = mvc.perform(get(base)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(door).contains("class=\"cab-logo\" src=\"" + base + "/logo?v=" + look.version() + "\"",
				base + "/look.css?v=" + look.version(), agency.tenant().name())
			.doesNotContain("navbar", "navbar-toggler", ">Kredo<");

		// Another save without a file keeps the logo; «Убрать логотип» drops it; a blank colour is the default.
		mvc.perform(save(agency, "#123", null)).andExpect(flash().attribute("notice", "cabinet-look.saved"));
		assertThat(looks.of(agency.tenant().id())).extracting(CabinetLook::accent, CabinetLook::logoType)
			.containsExactly("#112233", "image/png");
		mvc.perform(save(agency, "", null).param("removeLogo", "true"));
		assertThat(looks.of(agency.tenant().id())).extracting(CabinetLook::accent, CabinetLook::logoType)
			.containsExactly(null, null);
		mvc.perform(get(base + "/logo")).andExpect(status().isNotFound());
	}

	@Test
	void aColourThatIsNoColourOrTooLightForWhiteTextIsRefusedWithADarkerOneOffered() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);

		assertRefused(agency, "red", null, "cabinet-look.accent-invalid");
		assertRefused(agency, "#12345g", null, "cabinet-look.accent-invalid");
		assertRefused(agency, "#1234567", null, "cabinet-look.accent-invalid");
		// Yellow on white is 1.5:1, far below WCAG AA's 4.5:1.
		Rejected light = assertRefused(agency, "#FFCC00", null, "cabinet-look.accent-low-contrast");
		assertThat(light.arguments()[0]).isEqualTo("#ffcc00");
		assertThat((double) light.arguments()[1]).isLessThan(Contrast.AA);
		String darker = (String) light.arguments()[2];
		assertThat(Contrast.againstWhite(darker)).isGreaterThanOrEqualTo(Contrast.AA);
		// Bootstrap's own green (#198754) is 4.53:1: just enough; its lighter #20c997 is not.
		assertRefused(agency, "#20c997", null, "cabinet-look.accent-low-contrast");
		mvc.perform(save(agency, darker, null)).andExpect(flash().attribute("notice", "cabinet-look.saved"));
		assertThat(looks.of(agency.tenant().id()).accent()).isEqualTo(darker);

		// The page words the refusal, with the colour as typed kept in the field.
		mvc.perform(save(agency, "#eeeeee", null));
		String page = mvc.perform(get("/cabinet-funnel").with(user(fixtures.admin(agency)))
			.flashAttr("problem", new Rejected("cabinet-look.accent-low-contrast", "#eeeeee", 1.1, "#767676"))
			.flashAttr("typedAccent", "#eeeeee"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Цвет #eeeeee слишком светлый: контраст с белым 1,1:1", "например #767676",
				"value=\"#eeeeee\"");
	}

	@Test
	void aLogoThatIsTooLargeNotAPictureOrAnSvgIsRefusedAndTheFormerLogoKept() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		byte[] kept = jpeg(60, 30);
		mvc.perform(save(agency, "", file("logo.jpg", "image/jpeg", kept)))
			.andExpect(flash().attribute("notice", "cabinet-look.saved"));

		// Noise does not compress: 400×400 of it is some 480 KB, over the 200 KB limit.
		assertRefused(agency, "", file("big.png", "image/png", png(400, 400, new Random(2), true)),
				"cabinet-look.logo-too-large");
		// A small file may claim a huge picture: the header's size is checked before anything is decoded.
		assertRefused(agency, "", file("wide.png", "image/png", png(3000, 2, new Random(3), false)),
				"cabinet-look.logo-too-many-pixels");
		String svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
		assertRefused(agency, "", file("logo.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)),
				"cabinet-look.logo-svg");
		// The same SVG named and typed as a PNG: the content decides, not the name.
		assertRefused(agency, "", file("logo.png", "image/png", svg.getBytes(StandardCharsets.UTF_8)),
				"cabinet-look.logo-svg");
		assertRefused(agency, "", file("logo.png", "image/png",
				"<html><body onload=alert(1)>".getBytes(StandardCharsets.UTF_8)), "cabinet-look.logo-svg");
		assertRefused(agency, "", file("logo.gif", "image/gif", "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)),
				"cabinet-look.logo-type");
		byte[] brokenPng = png(20, 20, new Random(4), false);
		java.util.Arrays.fill(brokenPng, 16, brokenPng.length, (byte) 0x41);
		assertRefused(agency, "", file("broken.png", "image/png", brokenPng), "cabinet-look.logo-unreadable");
		// A refused logo saves nothing else either: not the colour typed with it.
		assertRefused(agency, "#0b5d4b", file("logo.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)),
				"cabinet-look.logo-svg");

		CabinetLook look = looks.of(agency.tenant().id());
		assertThat(look.accent()).isNull();
		assertThat(look.logoType()).isEqualTo("image/jpeg");
		assertThat(mvc.perform(get("/cabinet/" + agency.tenant().id().value() + "/logo"))
			.andExpect(header().string("Content-Type", "image/jpeg")).andReturn().getResponse().getContentAsByteArray())
			.isEqualTo(kept);
	}

	@Test
	void onlyTheAgencysAdminBrandsItsCabinet() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(multipart("/cabinet-look").param("accent", "#0b5d4b").with(csrf())
			.with(user(fixtures.signedIn(fixtures.manager(agency).email().value())))).andExpect(status().isNotFound());
		mvc.perform(multipart("/cabinet-look").param("accent", "#0b5d4b").with(csrf()).with(user(fixtures.admin(broker))))
			.andExpect(status().isNotFound());
		assertThat(looks.of(agency.tenant().id()).accent()).isNull();
		assertThat(mvc.perform(get("/cabinet-funnel").with(user(fixtures.signedIn(fixtures.manager(agency).email().value()))))
			.andReturn().getResponse().getContentAsString()).doesNotContain("/cabinet-look");
	}

	private Rejected assertRefused(Provisioned agency, String accent, MockMultipartFile logo, String code) throws Exception {
		MvcResult result = mvc.perform(save(agency, accent, logo))
			.andExpect(redirectedUrl("/cabinet-funnel#look"))
			.andExpect(flash().attributeExists("problem"))
			.andReturn();
		Rejected problem = (Rejected) result.getFlashMap().get("problem");
		assertThat(problem.code()).as(accent + " " + (logo == null ? "" : logo.getOriginalFilename())).isEqualTo(code);
		return problem;
	}

	private MockMultipartHttpServletRequestBuilder save(Provisioned agency, String accent, MockMultipartFile logo) {
		MockMultipartHttpServletRequestBuilder request = multipart("/cabinet-look");
		if (logo != null) {
			request.file(logo);
		}
		request.param("accent", accent).with(csrf()).with(user(fixtures.admin(agency)));
		return request;
	}

	private static MockMultipartFile file(String name, String type, byte[] bytes) {
		return new MockMultipartFile("logo", name, type, bytes);
	}

	private static byte[] png(int width, int height, Random random, boolean noise) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, noise ? random.nextInt(0x1000000) : (x < width / 2 ? 0x0b5d4b : 0xffffff));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static byte[] jpeg(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(new Color(0x0b5d4b));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}
}

package ru.kredo.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;

/** WCAG contrast against white, and the accent colours an agency may and may not choose. */
class ContrastTests {

	@Test
	void computesWcagContrastAgainstWhite() {
		assertThat(Contrast.againstWhite("#000000")).isCloseTo(21.0, within(0.01));
		assertThat(Contrast.againstWhite("#ffffff")).isCloseTo(1.0, within(0.01));
		// WCAG's own example values: #767676 is the lightest grey that passes AA on white (4.54:1).
		assertThat(Contrast.againstWhite("#767676")).isCloseTo(4.54, within(0.01));
		assertThat(Contrast.againstWhite("#777777")).isLessThan(Contrast.AA);
		assertThat(Contrast.againstWhite(ru.kredo.cabinet.CabinetLook.DEFAULT_ACCENT)).isGreaterThan(7);
	}

	@Test
	void aTooLightColourIsRefusedWithADarkerOneOfTheSameHueThatPasses() {
		assertThat(CabinetLooks.accent(" #0B5D4B ")).isEqualTo("#0b5d4b");
		assertThat(CabinetLooks.accent("123")).isEqualTo("#112233");
		assertThat(CabinetLooks.accent("")).isNull();
		assertThatThrownBy(() -> CabinetLooks.accent("#ffcc00")).isInstanceOf(Rejected.class)
			.hasMessage("cabinet-look.accent-low-contrast");
		String darker = Contrast.darkenedToAa("#ffcc00");
		assertThat(Contrast.againstWhite(darker)).isGreaterThanOrEqualTo(Contrast.AA);
		assertThat(CabinetLooks.accent(darker)).isEqualTo(darker);
		assertThatThrownBy(() -> CabinetLooks.accent("rgb(0,0,0)")).isInstanceOf(Rejected.class)
			.hasMessage("cabinet-look.accent-invalid");
	}
}

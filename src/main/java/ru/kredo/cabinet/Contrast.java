package ru.kredo.cabinet;

import java.util.Locale;

/**
 * WCAG 2.x contrast of a colour against white: relative luminance of sRGB, ratio {@code (L1 + 0.05) / (L2 + 0.05)}.
 * The cabinet's accent colour fills buttons under white text and colours links on white, so it must reach
 * {@link #AA} (4.5:1, normal text) against white.
 */
public final class Contrast {

	/** WCAG 2.x level AA for normal text. */
	public static final double AA = 4.5;

	private Contrast() {
	}

	/** The contrast ratio of {@code #rrggbb} against white, from 1 to 21. */
	public static double againstWhite(String hex) {
		return 1.05 / (luminance(hex) + 0.05);
	}

	/**
	 * The colour's own hue made darker, step by step, until it reaches {@link #AA} against white: what the agency is
	 * offered instead of a colour too light.
	 */
	public static String darkenedToAa(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		double r = rgb >> 16 & 0xff;
		double g = rgb >> 8 & 0xff;
		double b = rgb & 0xff;
		String candidate = hex;
		for (double factor = 1.0; factor > 0 && againstWhite(candidate) < AA; factor -= 0.02) {
			candidate = hex(r * factor, g * factor, b * factor);
		}
		return candidate;
	}

	private static String hex(double r, double g, double b) {
		return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(r), Math.round(g), Math.round(b));
	}

	static double luminance(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}
}

package ru.kredo.collections.internal;

import java.time.LocalDate;

import ru.kredo.platform.Rejected;

/**
 * What the upload form says for every row that does not say otherwise: a registry of one creditor often has no
 * creditor column, and one cession has one assignment date.
 */
public record PortfolioDefaults(String originalCreditor, LocalDate assignmentDate) {

	public PortfolioDefaults {
		originalCreditor = PortfolioRows.clean(originalCreditor);
		if (originalCreditor != null && originalCreditor.length() > PortfolioRows.MAX_CREDITOR) {
			throw new Rejected("portfolio.creditor-too-long", PortfolioRows.MAX_CREDITOR);
		}
	}

	public static PortfolioDefaults none() {
		return new PortfolioDefaults(null, null);
	}
}

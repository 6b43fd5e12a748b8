package ru.kredo.collections.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import ru.kredo.collections.internal.PortfolioDefaults;

/** The upload form: the portfolio's name, and the creditor and assignment date of rows that do not name their own. */
record PortfolioForm(String name, String creditor,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignmentDate) {

	static PortfolioForm empty() {
		return new PortfolioForm("", "", null);
	}

	PortfolioDefaults defaults() {
		return new PortfolioDefaults(creditor, assignmentDate);
	}
}

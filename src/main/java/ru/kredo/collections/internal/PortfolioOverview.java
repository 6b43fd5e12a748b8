package ru.kredo.collections.internal;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.money.Money;

/** A line of the portfolios page: a portfolio, its debts and debtors, what is left to collect, and its latest upload. */
public record PortfolioOverview(UUID id, String name, Instant createdAt, long debts, long open, long debtors,
		Money balance, PortfolioImport latestImport) {
}

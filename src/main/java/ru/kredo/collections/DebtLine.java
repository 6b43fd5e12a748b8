package ru.kredo.collections;

/** A line of the agency's debt list: the debt and its debtor's name. */
public record DebtLine(Debt debt, String debtorName) {
}

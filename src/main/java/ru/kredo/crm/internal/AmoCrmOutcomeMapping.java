package ru.kredo.crm.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ru.kredo.signals.Outcome;

/**
 * What a manager's work in amoCRM says about how a signal ended ({@code docs/crm-amocrm.md}, «Outcomes from amoCRM»),
 * one table for the docs and the code: a completed task's result text, read in the order below (the first that
 * matches wins), and a lead's won or lost status. A result that is exactly an outcome's name ({@code DEAL}) is that
 * outcome, for an automation that writes codes.
 */
public final class AmoCrmOutcomeMapping {

	/** Words a task's result is matched against, in this order; any other result is {@link Outcome#REACHED}. */
	static final List<Rule> RULES = List.of(
			new Rule(Outcome.WRONG_NUMBER, "неверный номер", "не тот номер", "чужой номер", "ошиблись номером",
					"wrong number"),
			new Rule(Outcome.NO_ANSWER, "не дозвон", "недозвон", "не отвеча", "нет ответа", "не берет", "не берёт",
					"не взял", "no answer"),
			new Rule(Outcome.NOT_INTERESTED, "не интерес", "неинтерес", "отказ", "не состоял", "не нужен", "не нужна",
					"not interested", "declined"),
			new Rule(Outcome.DEAL, "сделка", "договор", "выдан", "deal"));

	record Rule(Outcome outcome, String... words) {
	}

	private AmoCrmOutcomeMapping() {
	}

	/**
	 * A completed task: its result text by {@link #RULES}; no result at all is {@link Outcome#REACHED} (the «Связаться»
	 * task was done). A task not completed says nothing yet.
	 */
	public static Optional<Outcome> ofTask(boolean completed, String result) {
		if (!completed) {
			return Optional.empty();
		}
		if (result == null || result.isBlank()) {
			return Optional.of(Outcome.REACHED);
		}
		String text = result.strip().toLowerCase(Locale.ROOT);
		for (Outcome outcome : Outcome.values()) {
			if (outcome.name().equalsIgnoreCase(result.strip())) {
				return Optional.of(outcome);
			}
		}
		for (Rule rule : RULES) {
			for (String word : rule.words()) {
				if (text.contains(word)) {
					return Optional.of(rule.outcome());
				}
			}
		}
		return Optional.of(Outcome.REACHED);
	}

	/** A lead: won (142) is {@link Outcome#DEAL}, lost (143) {@link Outcome#NOT_INTERESTED}; any other status nothing. */
	public static Optional<Outcome> ofLeadStatus(long statusId) {
		if (statusId == AmoCrmApi.WON) {
			return Optional.of(Outcome.DEAL);
		}
		if (statusId == AmoCrmApi.LOST) {
			return Optional.of(Outcome.NOT_INTERESTED);
		}
		return Optional.empty();
	}

	/**
	 * The outcome to record, given what this signal may end with: the mapped one if allowed; {@link Outcome#NOTED} for a
	 * «do not contact» signal, whose only ending it is; otherwise none.
	 */
	public static Optional<Outcome> allowed(Outcome mapped, List<Outcome> allowed) {
		if (allowed.contains(mapped)) {
			return Optional.of(mapped);
		}
		return allowed.equals(List.of(Outcome.NOTED)) ? Optional.of(Outcome.NOTED) : Optional.empty();
	}
}

package ru.kredo.events.simulator;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import ru.kredo.events.CreditEventType;
import ru.kredo.events.LenderKind;

/**
 * One person's credit story as a bureau sees it, one event at a time: application → approved or rejected → contract
 * → disbursed → repaid and closed, or overdue that worsens bucket by bucket (1–29, 30–59, 60–89, 90+ days) or is
 * cured; after 90 days court, cession or bankruptcy. Now and then personal data change or a fraud flag.
 */
final class CreditLife {

	private enum Stage { IDLE, APPLIED, APPROVED, SIGNED, REPAYING, OVERDUE, BANKRUPT }

	private Stage stage = Stage.IDLE;
	private LenderKind lender;
	private long amount;
	private int daysPastDue;

	/**
	 * Where a person's story stands when the bureau first reports on him: most have no loan or a loan they repay;
	 * some are already overdue, a few long overdue, hardly any bankrupt.
	 */
	static CreditLife atRandom(SplittableRandom random) {
		CreditLife life = new CreditLife();
		int r = random.nextInt(1000);
		if (r >= 450) {
			life.lender = lender(random);
			life.amount = life.lender == LenderKind.MFO ? 3_000 + 1_000L * random.nextInt(28) : 30_000 + 10_000L * random.nextInt(100);
			life.stage = r < 800 ? Stage.REPAYING : r < 995 ? Stage.OVERDUE : Stage.BANKRUPT;
			life.daysPastDue = r < 800 || r >= 995 ? 0 : r < 920 ? 1 + random.nextInt(29) : 30 + random.nextInt(150);
		}
		return life;
	}

	/**
	 * What happens next. {@code settled}: the story rests for a while (weeks, usually), so the person leaves the set
	 * of people whose events come in bursts.
	 */
	record Step(CreditEventType type, LenderKind lender, BigDecimal amount, Integer daysPastDue, boolean settled) {
	}

	Step next(SplittableRandom random) {
		double r = random.nextDouble();
		return switch (stage) {
			case IDLE -> idle(random, r);
			case APPLIED -> decision(random, r);
			case APPROVED -> r < 0.85 ? to(Stage.SIGNED, CreditEventType.CONTRACT_SIGNED, amount, false) : apply(random);
			case SIGNED -> to(Stage.REPAYING, CreditEventType.LOAN_DISBURSED, amount, true);
			case REPAYING -> repaying(random, r);
			case OVERDUE -> overdue(random, r);
			case BANKRUPT -> r < 0.5 ? event(CreditEventType.COURT_CASE, null, true)
					: event(CreditEventType.PERSONAL_DATA_CHANGED, null, true);
		};
	}

	private Step idle(SplittableRandom random, double r) {
		if (r < 0.03) {
			return new Step(CreditEventType.PERSONAL_DATA_CHANGED, null, null, null, true);
		}
		if (r < 0.04) {
			return new Step(CreditEventType.FRAUD_FLAG, lender(random), null, null, true);
		}
		return apply(random);
	}

	private Step apply(SplittableRandom random) {
		lender = lender(random);
		amount = switch (lender) {
			case BANK -> 30_000 + 10_000L * random.nextInt(148);
			case MFO -> 3_000 + 1_000L * random.nextInt(28);
			case OTHER -> 10_000 + 5_000L * random.nextInt(58);
		};
		return to(Stage.APPLIED, CreditEventType.APPLICATION, amount, false);
	}

	private Step decision(SplittableRandom random, double r) {
		double approval = lender == LenderKind.MFO ? 0.7 : lender == LenderKind.BANK ? 0.45 : 0.5;
		if (r < approval) {
			return to(Stage.APPROVED, CreditEventType.APPLICATION_APPROVED, amount, false);
		}
		// Half of the refused try another lender at once: a burst of applications.
		return to(Stage.IDLE, CreditEventType.APPLICATION_REJECTED, amount, random.nextBoolean());
	}

	private Step repaying(SplittableRandom random, double r) {
		if (r < 0.45) {
			return to(Stage.IDLE, CreditEventType.LOAN_CLOSED, amount, true);
		}
		if (r < 0.80) {
			daysPastDue = 1 + random.nextInt(29);
			return overdueStep(CreditEventType.OVERDUE_STARTED, false);
		}
		if (r < 0.90) {
			return event(CreditEventType.TERMS_CHANGED, BigDecimal.valueOf(amount), true);
		}
		return apply(random);
	}

	private Step overdue(SplittableRandom random, double r) {
		if (daysPastDue < 90) {
			if (r < 0.45) {
				return cured();
			}
			daysPastDue = (daysPastDue / 30 + 1) * 30 + random.nextInt(30);
			return overdueStep(CreditEventType.OVERDUE_WORSENED, false);
		}
		if (r < 0.30) {
			return event(CreditEventType.COURT_CASE, BigDecimal.valueOf(amount), false);
		}
		if (r < 0.60) {
			return event(CreditEventType.DEBT_ASSIGNED, BigDecimal.valueOf(amount), true);
		}
		if (r < 0.68) {
			return to(Stage.BANKRUPT, CreditEventType.BANKRUPTCY, null, true);
		}
		if (r < 0.85) {
			return cured();
		}
		daysPastDue += 30;
		return overdueStep(CreditEventType.OVERDUE_WORSENED, true);
	}

	private Step cured() {
		daysPastDue = 0;
		stage = Stage.REPAYING;
		return new Step(CreditEventType.OVERDUE_CURED, lender, null, 0, true);
	}

	private Step overdueStep(CreditEventType type, boolean settled) {
		stage = Stage.OVERDUE;
		long overdueAmount = Math.max(500, amount / 12 * (1 + daysPastDue / 30));
		return new Step(type, lender, BigDecimal.valueOf(Math.min(overdueAmount, amount)), daysPastDue, settled);
	}

	private Step to(Stage next, CreditEventType type, Long sum, boolean settled) {
		stage = next;
		return event(type, sum == null ? null : BigDecimal.valueOf(sum), settled);
	}

	private Step event(CreditEventType type, BigDecimal sum, boolean settled) {
		return new Step(type, lender, sum, null, settled);
	}

	private static LenderKind lender(SplittableRandom random) {
		int r = random.nextInt(100);
		return r < 55 ? LenderKind.BANK : r < 95 ? LenderKind.MFO : LenderKind.OTHER;
	}
}

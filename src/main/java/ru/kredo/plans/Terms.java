package ru.kredo.plans;

import java.util.Objects;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * What a debtor asks for: a number of months (the calculator works out the monthly payment), or a monthly payment he
 * can afford (the calculator works out the months).
 */
public sealed interface Terms {

	/** {@code months} monthly instalments. */
	record ByMonths(int months) implements Terms {
		public ByMonths {
			if (months < 1 || months > ScheduleCalculator.MAX_INSTALMENTS) {
				throw new Rejected("plan.months-invalid", ScheduleCalculator.MAX_INSTALMENTS);
			}
		}
	}

	/** Instalments of {@code monthly} until the debt is paid (the last one what is left). */
	record ByMonthly(Money monthly) implements Terms {
		public ByMonthly {
			Objects.requireNonNull(monthly, "monthly");
			if (monthly.isZero()) {
				throw new Rejected("plan.monthly-invalid");
			}
		}
	}
}

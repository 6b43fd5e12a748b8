package ru.kredo.contacting;

/**
 * How many contacts of one kind a debtor may receive on the creditor's initiative: at most {@code day} in any 24
 * hours, {@code week} in any 7 days and {@code month} in any month (from the same moment of the month before). The law
 * says «в сутки», «в неделю», «в месяц» without saying whether a calendar week or any seven days is meant; rolling
 * windows hold under every reading (each calendar day, week and month lies inside one of them), so they are counted.
 */
public record ContactLimits(int day, int week, int month) {

	public ContactLimits {
		if (day < 0 || week < day || month < week) {
			throw new IllegalArgumentException("Limits must grow with the window: " + day + "/" + week + "/" + month);
		}
	}
}

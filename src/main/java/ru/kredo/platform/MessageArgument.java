package ru.kredo.platform;

/**
 * A value that messages show their own way rather than by {@code toString()}: an amount of money as people here read
 * it ({@code 26 366,15}), for a {@link Rejected}'s message, a page and an API detail alike. The platform knows only
 * this interface, so the modules above it (the shared {@code money} kernel) decide how their values read.
 */
public interface MessageArgument {

	/** The value as a message shows it. */
	String inMessages();
}

/**
 * E-mail digests: each morning every user of a broker or an agency gets the signals of the last day that are his to
 * work (a manager: his and the unassigned; an admin: all), most urgent first, and the watches whose consent lapses
 * soon. Sent over SMTP ({@code spring.mail.*}); without a mail server configured, no digest is sent.
 * <p>
 * Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Digests")
package ru.kredo.digests;

package ru.kredo.conversations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agency's first-reply target ({@code kredo.conversations.*}, {@code docs/conversations.md}): one for the whole
 * installation for now, like the agency's zone ({@code kredo.time-zone}).
 *
 * @param workingHours the agency's working hours, {@code HH:mm-HH:mm} (a shortened pre-holiday day ends an hour earlier)
 * @param firstReply how much of that working time a debtor's message may wait for an answer
 */
@ConfigurationProperties("kredo.conversations")
public record FirstReplySettings(@DefaultValue("09:00-18:00") String workingHours, @DefaultValue("4h") Duration firstReply) {
}

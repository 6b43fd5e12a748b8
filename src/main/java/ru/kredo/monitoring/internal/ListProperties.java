package ru.kredo.monitoring.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of list uploads ({@code kredo.lists.*}).
 *
 * @param maxFileSize the largest contact file a list upload takes, by the page or by the API; a million rows of a
 *        CRM export is about 200 MB
 */
@ConfigurationProperties("kredo.lists")
public record ListProperties(@DefaultValue("2GB") DataSize maxFileSize) {
}

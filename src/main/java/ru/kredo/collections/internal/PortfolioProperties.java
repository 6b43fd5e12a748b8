package ru.kredo.collections.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of registry uploads ({@code kredo.portfolios.*}).
 *
 * @param maxFileSize the largest registry file a portfolio upload takes ({@code import.file-too-large}); what the file
 *        may unpack and parse to is bounded by {@code kredo.imports.*}
 */
@ConfigurationProperties("kredo.portfolios")
public record PortfolioProperties(@DefaultValue("2GB") DataSize maxFileSize) {
}

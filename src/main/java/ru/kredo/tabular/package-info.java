/**
 * Tabular files as agencies and brokers upload them: a CRM's or Excel's CSV in UTF-8 (with or without a BOM) or
 * Windows-1251 with «;», «,» or tab between quoted or plain fields, or an Excel workbook (XLSX, read as a stream). A
 * {@link ru.kredo.tabular.TabularFile} hands out {@link ru.kredo.tabular.SourceRow}s numbered by their line in the
 * file; a {@link ru.kredo.tabular.ColumnMap} finds which column holds which field from headers written in Russian
 * or English in any order ({@link ru.kredo.tabular.HeaderWords}); {@link ru.kredo.tabular.Cells} reads a cell and
 * names its column when it is wrong, so a bad row becomes a {@link ru.kredo.tabular.RowError} with its line, and
 * {@link ru.kredo.tabular.ErrorReport} hands every rejected row back as CSV for Excel. Uploads wait in the
 * {@link ru.kredo.tabular.ImportSpool} while they are imported.
 * <p>
 * Used by monitoring's list upload and by collections' portfolio import; it knows nothing of what the rows mean.
 * {@link ru.kredo.tabular.ImportRuns} also keeps the heartbeat of the events module's feed uploads.
 * Publishes nothing; holds no tables of its own ({@link ru.kredo.tabular.RowErrorTable} writes and pages the rejected
 * rows into the importing module's table of them).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tabular files")
package ru.kredo.tabular;

/**
 * The business calendar: the Russian production calendar (working days, weekends, public holidays of ст. 112 ТК РФ,
 * the days off the Government's decrees transfer, shortened pre-holiday days), the agency's time zone, and Moscow
 * time where the law counts in it. Every module asks it, instead of naming a zone itself, what day it is for whom,
 * whether a day is worked, and how much working time lies between two instants (an SLA).
 * <p>
 * A shared kernel: it depends on no other module and publishes nothing. The years are data files,
 * {@code calendar/ru/<year>.txt} (docs/calendar.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package ru.kredo.calendar;

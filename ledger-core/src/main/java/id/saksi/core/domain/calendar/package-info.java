/** Working days and deadlines over the Indonesian holiday calendar, kept as data. */
package id.saksi.core.domain.calendar;

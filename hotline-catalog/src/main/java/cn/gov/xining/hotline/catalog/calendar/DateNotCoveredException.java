package cn.gov.xining.hotline.catalog.calendar;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * A date in a year the working calendar has no data for. Thrown instead of guessing, so the caller
 * decides: send the ticket to triage, or refuse to start until the calendar file is updated.
 */
public final class DateNotCoveredException extends RuntimeException {

  private final LocalDate date;

  DateNotCoveredException(LocalDate date, SortedSet<Integer> coveredYears) {
    super(
        "the working calendar does not cover "
            + date
            + " (it covers "
            + coveredYears
            + "); add that year's State Council holiday notice to the calendar file");
    this.date = date;
  }

  public LocalDate date() {
    return date;
  }
}

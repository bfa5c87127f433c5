package cn.gov.xining.hotline.catalog.calendar;

import cn.gov.xining.hotline.contract.HotlineTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * 工作日历: which days are working days in mainland China, year by year, as the State Council's yearly
 * holiday notices fix them. Monday to Friday are working days unless inside a public holiday;
 * Saturday and Sunday are rest days unless listed as make-up working days (调休上班日).
 *
 * <p>Working time (工作时间) is the part of working days between two instants, days counted midnight to
 * midnight in Asia/Shanghai ({@link HotlineTime#ZONE}): a time limit that spans a holiday uses none
 * of it during the holiday.
 *
 * <p>Only the years in the file are known. Asking about any other date throws {@link
 * DateNotCoveredException}: a plain Monday-to-Friday guess would be wrong around every Spring
 * Festival, and a deadline quietly computed wrong is worse than one the caller knows it lacks.
 */
public final class WorkingCalendar {

  // Unknown keys are refused: a misspelt "makeUpWorkingDays" must not silently drop a year's data.
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final SortedSet<Integer> years;
  private final Set<Integer> provisionalYears;
  private final Map<LocalDate, String> holidays;
  private final Set<LocalDate> makeUpWorkingDays;

  private WorkingCalendar(
      SortedSet<Integer> years,
      Set<Integer> provisionalYears,
      Map<LocalDate, String> holidays,
      Set<LocalDate> makeUpWorkingDays) {
    this.years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
    this.provisionalYears = Set.copyOf(provisionalYears);
    this.holidays = Map.copyOf(holidays);
    this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
  }

  public static WorkingCalendar load(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return load(in, resource.getDescription());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read working calendar " + resource.getDescription(), e);
    }
  }

  /**
   * Reads and checks a calendar file, refusing an inconsistent one at start-up rather than
   * computing deadlines from it.
   *
   * @throws IllegalStateException listing every problem found
   */
  public static WorkingCalendar load(InputStream in, String description) {
    CalendarFile file = YAML.readValue(in, CalendarFile.class);
    var problems = new ArrayList<String>();
    var years = new TreeSet<Integer>();
    var provisional = new HashSet<Integer>();
    var holidays = new HashMap<LocalDate, String>();
    var makeUpDays = new HashSet<LocalDate>();

    if (file == null || file.years() == null || file.years().isEmpty()) {
      problems.add("no years listed");
    } else {
      for (var year : file.years()) {
        if (!years.add(year.year())) {
          problems.add(year.year() + " is listed twice");
          continue;
        }
        if (Boolean.TRUE.equals(year.provisional())) {
          provisional.add(year.year());
        }
        if (year.source() == null || year.source().isBlank()) {
          problems.add(year.year() + " names no source");
        }
        readHolidays(year, holidays, problems);
        readMakeUpDays(year, holidays, makeUpDays, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "working calendar " + description + " is inconsistent: " + problems);
    }
    return new WorkingCalendar(years, provisional, holidays, makeUpDays);
  }

  private static void readHolidays(
      YearFile year, Map<LocalDate, String> holidays, List<String> problems) {
    for (var holiday : year.holidays()) {
      if (holiday.from() == null || holiday.to() == null || holiday.from().isAfter(holiday.to())) {
        problems.add(
            "holiday " + holiday.name() + " in " + year.year() + " needs from <= to: " + holiday);
        continue;
      }
      for (var day = holiday.from(); !day.isAfter(holiday.to()); day = day.plusDays(1)) {
        if (day.getYear() != year.year()) {
          problems.add("holiday " + holiday.name() + " date " + day + " is not in " + year.year());
        }
        var earlier = holidays.putIfAbsent(day, holiday.name());
        if (earlier != null) {
          problems.add(day + " is listed as both " + earlier + " and " + holiday.name());
        }
      }
    }
  }

  private static void readMakeUpDays(
      YearFile year,
      Map<LocalDate, String> holidays,
      Set<LocalDate> makeUpDays,
      List<String> problems) {
    for (var day : year.makeUpWorkingDays()) {
      if (day.getYear() != year.year()) {
        problems.add("make-up working day " + day + " is not in " + year.year());
      }
      if (!isWeekend(day)) {
        problems.add(
            "make-up working day " + day + " is a " + day.getDayOfWeek() + ", not a weekend day");
      }
      if (holidays.containsKey(day)) {
        problems.add(
            day + " is listed both as holiday " + holidays.get(day) + " and as a make-up day");
      }
      if (!makeUpDays.add(day)) {
        problems.add("make-up working day " + day + " is listed twice");
      }
    }
  }

  /** Whether {@code day} is a working day. */
  public boolean isWorkingDay(LocalDate day) {
    requireCovered(day);
    if (isWeekend(day)) {
      return makeUpWorkingDays.contains(day);
    }
    return !holidays.containsKey(day);
  }

  /**
   * The {@code workingDays}-th working day after {@code from}; {@code from} itself never counts,
   * and {@code workingDays == 0} gives {@code from} back.
   *
   * @throws DateNotCoveredException if the count runs into a year the calendar does not cover
   */
  public LocalDate addWorkingDays(LocalDate from, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + workingDays);
    }
    requireCovered(from);
    var day = from;
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The working time between two instants: the parts of working days between them; zero if {@code
   * to} is not after {@code from}.
   *
   * @throws DateNotCoveredException if a day between them is in a year the calendar does not cover
   */
  public Duration workingTimeBetween(Instant from, Instant to) {
    return total(workingParts(from, to));
  }

  /**
   * The instant by which {@code share} of the working time between two instants is used: 80 % of a
   * limit from the Friday before Spring Festival is reached after the holiday, not in it. Share 0
   * gives the first working instant; with no working time between them, {@code from}.
   *
   * @param share from 0 to 1
   * @throws DateNotCoveredException if a day between them is in a year the calendar does not cover
   */
  public Instant whenShareUsed(Instant from, Instant to, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be from 0 to 1: " + share);
    }
    var parts = workingParts(from, to);
    // In whole milliseconds, the events' precision, and never more than the total.
    var remaining = Duration.ofMillis(Math.round(total(parts).toMillis() * share));
    for (var part : parts) {
      if (remaining.compareTo(part.length()) <= 0) {
        return part.start().plus(remaining);
      }
      remaining = remaining.minus(part.length());
    }
    return from; // no working time between them
  }

  public boolean covers(LocalDate day) {
    return years.contains(day.getYear());
  }

  /** The years this calendar knows, ascending. */
  public SortedSet<Integer> coveredYears() {
    return years;
  }

  /**
   * Whether {@code year} holds only the statutory holidays, awaiting the State Council's notice.
   *
   * @throws DateNotCoveredException if the year is not covered at all
   */
  public boolean isProvisional(int year) {
    requireCovered(LocalDate.of(year, 1, 1));
    return provisionalYears.contains(year);
  }

  private void requireCovered(LocalDate day) {
    if (!covers(day)) {
      throw new DateNotCoveredException(day, years);
    }
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** The stretches of working days between two instants, in order. */
  private List<Part> workingParts(Instant from, Instant to) {
    var parts = new ArrayList<Part>();
    for (var day = LocalDate.ofInstant(from, HotlineTime.ZONE);
        startOf(day).isBefore(to);
        day = day.plusDays(1)) {
      var start = latest(from, startOf(day));
      var end = earliest(to, startOf(day.plusDays(1)));
      if (isWorkingDay(day) && start.isBefore(end)) {
        parts.add(new Part(start, end));
      }
    }
    return parts;
  }

  private static Duration total(List<Part> parts) {
    return parts.stream().map(Part::length).reduce(Duration.ZERO, Duration::plus);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(HotlineTime.ZONE).toInstant();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Part of one working day. */
  private record Part(Instant start, Instant end) {
    Duration length() {
      return Duration.between(start, end);
    }
  }

  /** The file as written; checked by {@link #load(InputStream, String)}. */
  private record CalendarFile(List<YearFile> years) {}

  private record YearFile(
      int year,
      Boolean provisional,
      String source,
      List<HolidayFile> holidays,
      List<LocalDate> makeUpWorkingDays) {
    YearFile {
      holidays = holidays == null ? List.of() : holidays;
      makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : makeUpWorkingDays;
    }
  }

  private record HolidayFile(String name, LocalDate from, LocalDate to) {}
}

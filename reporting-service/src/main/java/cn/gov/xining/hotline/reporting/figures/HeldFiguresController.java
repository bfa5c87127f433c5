package cn.gov.xining.hotline.reporting.figures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this instance holds of the figures, for another instance drawing a report ({@link
 * InstanceFigures}): of a span of days, those it holds with their counters; the callbacks of a day
 * and the counters of a batch, or a 503 if it does not hold them (any more). Under {@code
 * /api/reports}, so for managers only, like the reports: the asking instance passes on its caller's
 * token.
 */
@RestController
@RequestMapping(InstanceFigures.PATH)
class HeldFiguresController {

  private final InstanceFigures figures;

  HeldFiguresController(InstanceFigures figures) {
    this.figures = figures;
  }

  @GetMapping("/days")
  Map<String, Counts> days(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    // As every report's span: a year at most.
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 365) {
      throw new IllegalArgumentException(
          "from 须不晚于 to，跨度不超过366天 (from must not be after to, and the span at most 366 days)");
    }
    return figures.heldDays(from, to);
  }

  @GetMapping("/callbacks/{day}")
  long callbacks(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    return figures.heldCallbacksOn(day);
  }

  @GetMapping("/batches/{label}")
  Counts batch(@PathVariable String label) {
    return figures.heldBatch(label);
  }
}

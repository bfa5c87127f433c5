package cn.gov.xining.hotline.intake.callers;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.intake.history.TicketStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the operator on the line: the caller's earlier tickets of the last 90 days that are still
 * open, with where each stands, so a caller chasing a ticket is not taken as a new appeal. A POST,
 * so the number never appears in a URL or an access log.
 */
@RestController
class RepeatCallerController {

  private static final Duration LOOK_BACK = Duration.ofDays(90);

  private final CallerRecords callers;
  private final Clock clock;

  RepeatCallerController(CallerRecords callers, Clock clock) {
    this.callers = callers;
    this.clock = clock;
  }

  /**
   * @param phone the caller's number, written any way
   * @param includeClosed also the tickets with nothing left to do (closed, answered directly)
   */
  record Lookup(String phone, Boolean includeClosed) {}

  /**
   * One earlier ticket: its number, when it was received and its status (with the Chinese name).
   */
  record EarlierTicket(
      String ticketNumber, OffsetDateTime receivedAt, TicketStatus status, String statusName) {}

  @PostMapping(value = "/api/callers/tickets", consumes = MediaType.APPLICATION_JSON_VALUE)
  List<EarlierTicket> earlierTickets(@RequestBody Lookup lookup) {
    if (lookup.phone() == null
        || lookup.phone().length() > 30
        || !CallerPrivacy.normalise(lookup.phone()).matches("\\d{7,12}")) {
      var problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "须填写来电号码 (phone: a mobile or landline number is required)");
      problem.setType(URI.create("https://hotline.xining.gov.cn/problems/invalid-request"));
      problem.setTitle("请求内容不合格 (Invalid request)");
      problem.setProperty(
          "errors",
          List.of(Map.of("field", "phone", "message", "电话号码格式不正确 (a mobile or landline number)")));
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
    boolean includeClosed = Boolean.TRUE.equals(lookup.includeClosed());
    return callers.ticketsOf(lookup.phone(), HotlineTime.now(clock).minus(LOOK_BACK)).stream()
        .map(
            ticket -> {
              var status = TicketStatus.valueOf(ticket.status());
              return new EarlierTicket(
                  ticket.ticketNumber(), ticket.receivedAt(), status, status.chineseName());
            })
        .filter(ticket -> includeClosed || !ticket.status().closed())
        .toList();
  }
}

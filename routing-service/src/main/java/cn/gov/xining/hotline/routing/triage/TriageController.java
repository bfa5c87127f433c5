package cn.gov.xining.hotline.routing.triage;

import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.TicketTriaged;
import cn.gov.xining.hotline.security.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The triage operators' API: the backlog, oldest first, and dispatching one ticket by hand. */
@RestController
@RequestMapping("/api/routing/triage")
class TriageController {

  private final TriageBacklog backlog;
  private final ManualDispatch dispatch;

  TriageController(TriageBacklog backlog, ManualDispatch dispatch) {
    this.backlog = backlog;
    this.dispatch = dispatch;
  }

  @GetMapping
  List<TicketTriaged> waiting() {
    return backlog.waiting();
  }

  @PostMapping(value = "/{ticketNumber}/dispatch", consumes = MediaType.APPLICATION_JSON_VALUE)
  TicketRouted dispatch(
      @PathVariable String ticketNumber, @RequestBody DispatchRequest request, Caller caller) {
    caller.mustBe(request.dispatcher(), "dispatcher");
    return dispatch.dispatch(ticketNumber, request.by(caller.name()));
  }

  @ExceptionHandler
  ProblemDetail notInTriage(NotInTriageException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/not-in-triage"));
    problem.setTitle("不在待分派队列 (Not in triage)");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail dispatchConflict(DispatchConflictException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/dispatch-conflict"));
    problem.setTitle("分派冲突 (Dispatch conflict)");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail dispatchNotConfirmed(DispatchNotConfirmedException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/dispatch-not-confirmed"));
    problem.setTitle("暂时无法确认分派 (Dispatch not confirmed)");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail invalidDispatch(InvalidDispatchException e) {
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "派单内容不合格 (invalid dispatch)");
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/invalid-dispatch"));
    problem.setTitle("派单内容不合格 (Invalid dispatch)");
    problem.setProperty("problems", e.problems());
    return problem;
  }
}

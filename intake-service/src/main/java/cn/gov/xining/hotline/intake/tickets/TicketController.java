package cn.gov.xining.hotline.intake.tickets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The native ticket API. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

  private final TicketIntake intake;

  TicketController(TicketIntake intake) {
    this.intake = intake;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  TicketReceipt receive(@RequestBody TicketRequest request) {
    return intake.receive(request);
  }
}

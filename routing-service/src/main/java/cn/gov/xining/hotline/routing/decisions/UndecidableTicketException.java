package cn.gov.xining.hotline.routing.decisions;

import java.util.List;

/**
 * A ticket no routing decision can be made for as it stands, with every reason, each naming its
 * field ({@code "districtCode: 未知的区县代码「999999」 (unknown district code)"}). The dry run answers it
 * with a 400 problem; on Kafka the record is dead-lettered with this message.
 */
public class UndecidableTicketException extends RuntimeException {

  private final List<String> problems;

  public UndecidableTicketException(String ticketNumber, List<String> problems) {
    super("ticket " + ticketNumber + " cannot be decided: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code field: 中文 (English)}. */
  public List<String> problems() {
    return problems;
  }
}

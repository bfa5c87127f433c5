package cn.gov.xining.hotline.kafka.streams;

import java.net.URI;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why a request that needed another instance of the service was not answered, as an RFC 9457
 * problem, Chinese first like every problem of the hotline. Spring MVC writes it as it is (an
 * {@link ErrorResponseException}), whatever the service's own problem handlers.
 */
public final class InstanceProblem extends ErrorResponseException {

  private static final String TYPES = "https://hotline.xining.gov.cn/problems/";

  /** Seconds: a rebalance of a few instances is over in about that time. */
  static final String RETRY_AFTER = "2";

  private InstanceProblem(
      HttpStatus status, String type, String title, String detail, boolean retry, Throwable cause) {
    super(status, problem(status, type, title, detail), cause);
    if (retry) {
      getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
    }
  }

  /**
   * The instances are taking over each other's partitions (one started, stopped or failed): no
   * instance is known to hold the data, or the one that was said to no longer does. Temporary.
   */
  public static InstanceProblem rebalancing() {
    return new InstanceProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "rebalancing",
        "数据正在实例间迁移 (Rebalancing)",
        "服务的各实例正在重新分配数据，请稍后重试 (the service's instances are reassigning their data:"
            + " retry shortly)",
        true,
        null);
  }

  /** The instance holding the data did not answer: stopped, restarting, or not reachable. */
  static InstanceProblem unreachable(HostInfo instance, Throwable cause) {
    return new InstanceProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "instance-unreachable",
        "实例暂不可达 (Instance unreachable)",
        "持有该数据的实例 %s 暂时无法访问，请稍后重试 (the instance holding the data, %s, cannot be reached:"
                .formatted(address(instance), address(instance))
            + " retry shortly)",
        true,
        cause);
  }

  /**
   * A change was passed to the instance holding the data and no answer came back: it may have been
   * made. No Retry-After: the caller looks at the case before it sends the change again.
   */
  static InstanceProblem noAnswer(HostInfo instance, Throwable cause) {
    return new InstanceProblem(
        HttpStatus.GATEWAY_TIMEOUT,
        "instance-no-answer",
        "实例未回答，操作可能已生效 (No answer: the change may have been made)",
        "持有该数据的实例 %s 未回答；请先查看案件再决定是否重发 (the instance holding the data, %s, did not"
                .formatted(address(instance), address(instance))
            + " answer: look at the case before sending the change again)",
        false,
        cause);
  }

  /**
   * Another instance refused or failed a request this one made for its caller: not something a
   * retry mends, so no Retry-After.
   */
  static InstanceProblem failed(HostInfo instance, HttpStatusCode status) {
    return new InstanceProblem(
        HttpStatus.BAD_GATEWAY,
        "instance-failed",
        "另一实例未能回答 (Instance failed)",
        "实例 %s 回答了 HTTP %d (the instance %s answered HTTP %d)"
            .formatted(address(instance), status.value(), address(instance), status.value()),
        false,
        null);
  }

  static String address(HostInfo instance) {
    return instance.host() + ":" + instance.port();
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    problem.setTitle(title);
    return problem;
  }
}

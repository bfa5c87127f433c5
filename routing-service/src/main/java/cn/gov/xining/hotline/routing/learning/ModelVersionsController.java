package cn.gov.xining.hotline.routing.learning;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules administrators' API over the model's versions and the dispatchers' corrections; the
 * corrections are read by managers too, on their dashboard ({@code RoutingAccess}).
 *
 * <p>Each routing instance answers for itself: a version trained or activated here is active here
 * when the answer comes, and on the other instances once they have followed {@code routing-models}
 * (within seconds), which this one cannot know. Each version says whether this instance decides
 * with it, so an operator can ask every instance.
 */
@RestController
@RequestMapping("/api/routing/model")
class ModelVersionsController {

  private final ModelVersions versions;

  ModelVersionsController(ModelVersions versions) {
    this.versions = versions;
  }

  /**
   * A version as published on {@code routing-models}, and whether this instance decides with it
   * now: its status is what the topic says, which an instance that could not rebuild the version
   * does not follow.
   */
  record VersionHere(@JsonUnwrapped ModelVersion version, boolean activeOnThisInstance) {}

  @GetMapping("/versions")
  List<VersionHere> versions() {
    return versions.all().stream().map(this::here).toList();
  }

  @PostMapping("/versions")
  VersionHere train() {
    return here(versions.train());
  }

  @PostMapping("/versions/{id}/activate")
  VersionHere activate(@PathVariable String id) {
    return here(versions.activate(id));
  }

  @GetMapping("/corrections")
  List<ModelVersions.WeekOfCorrections> corrections() {
    return versions.corrections();
  }

  private VersionHere here(ModelVersion version) {
    return new VersionHere(version, version.id().equals(versions.current().version()));
  }

  @ExceptionHandler
  ProblemDetail unknown(UnknownModelVersionException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/unknown-model-version"));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail unrebuildable(UnrebuildableModelVersionException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(
        URI.create("https://hotline.xining.gov.cn/problems/unrebuildable-model-version"));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail rejected(RejectedModelVersionException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(URI.create("https://hotline.xining.gov.cn/problems/rejected-model-version"));
    return problem;
  }
}

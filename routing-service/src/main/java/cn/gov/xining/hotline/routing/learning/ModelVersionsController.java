package cn.gov.xining.hotline.routing.learning;

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
 */
@RestController
@RequestMapping("/api/routing/model")
class ModelVersionsController {

  private final ModelVersions versions;

  ModelVersionsController(ModelVersions versions) {
    this.versions = versions;
  }

  @GetMapping("/versions")
  List<ModelVersion> versions() {
    return versions.all();
  }

  @PostMapping("/versions")
  ModelVersion train() {
    return versions.train();
  }

  @PostMapping("/versions/{id}/activate")
  ModelVersion activate(@PathVariable String id) {
    return versions.activate(id);
  }

  @GetMapping("/corrections")
  List<ModelVersions.WeekOfCorrections> corrections() {
    return versions.corrections();
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

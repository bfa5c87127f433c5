package cn.gov.xining.hotline.handling.api;

import cn.gov.xining.hotline.handling.streams.HandlingTopology;
import cn.gov.xining.hotline.kafka.streams.InstanceForwarder;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With several instances, each holds the case files of some partitions. A request about one case
 * (reading it, or a report or decision on it, whose refusals are read from the case file) is
 * answered by the instance holding the case: another instance passes it on with the caller's token
 * and answers with what that one answered, so a unit's access is decided where the case is. The
 * list of a status is put together from every instance's own ({@link CaseController#inStatus}).
 */
@Configuration(proxyBeanMethods = false)
class CasesAcrossInstances implements WebMvcConfigurer {

  private final InstanceForwarder forwarder;

  CasesAcrossInstances(InstanceForwarder forwarder) {
    this.forwarder = forwarder;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(forwarder.toHolderOf(HandlingTopology.CASE_FILES, "ticketNumber"))
        .addPathPatterns("/api/cases/*", "/api/cases/*/progress", "/api/cases/*/actions");
  }
}

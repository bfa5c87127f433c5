package cn.gov.xining.hotline.routing.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the working calendar comes from.
 *
 * @param location a Spring resource; point it at an updated file when a new holiday notice is out
 *     and the release with it is not
 */
@ConfigurationProperties("hotline.routing.calendar")
public record CalendarProperties(
    @DefaultValue("classpath:calendar/cn-working-days.yaml") Resource location) {}

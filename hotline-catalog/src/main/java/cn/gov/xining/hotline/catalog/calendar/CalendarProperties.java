package cn.gov.xining.hotline.catalog.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the working calendar comes from; one setting for every service that reads it, so routing's
 * deadlines and handling's warnings count the same days.
 *
 * @param location a Spring resource; point it at an updated file when a new holiday notice is out
 *     and the release with it is not
 */
@ConfigurationProperties("hotline.calendar")
public record CalendarProperties(
    @DefaultValue("classpath:calendar/cn-working-days.yaml") Resource location) {}

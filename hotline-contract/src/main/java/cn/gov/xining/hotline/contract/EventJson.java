package cn.gov.xining.hotline.contract;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of events, shared by every producer and consumer in the project. */
public final class EventJson {

  /**
   * Dates are ISO-8601 strings with their offset; reading keeps the offset the writer used (+08:00)
   * instead of shifting it to UTC. Unknown fields are ignored so that adding a field to an event
   * never breaks an older consumer; a missing yes/no field reads as no, so that an event from an
   * older producer (or a channel gateway that leaves optional fields out) never breaks a newer
   * consumer — Jackson 3 refuses that by default, and it stopped reporting on tickets received
   * before {@code answeredOnCall} existed.
   */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private EventJson() {}
}

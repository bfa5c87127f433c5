package cn.gov.xining.hotline.handling.streams;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.EventSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A case event for one unit of the case, on its way to {@code lifecycle-<unit>}: what the unit's
 * system reads instead of {@code ticket-lifecycle}, which holds every unit's cases. On the topic it
 * is the event alone.
 */
record UnitNotice(String unit, CaseEvent event) {

  String topic() {
    return Topics.lifecycleOf(unit);
  }

  /** Writes the event alone; nothing reads a notice back. */
  static Serde<UnitNotice> serde() {
    var events = EventSerdes.serde(CaseEvent.class);
    return Serdes.serdeFrom(
        (topic, notice) -> events.serializer().serialize(topic, notice.event()),
        (topic, bytes) -> {
          throw new UnsupportedOperationException("notices are written, not read");
        });
  }
}

package cn.gov.xining.hotline.reporting.daily;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets an event through only the first time its ticket number is seen. The store is local to the
 * partition, which is enough because every event is keyed by its ticket number.
 */
class FirstSighting<V> implements FixedKeyProcessor<String, V, V> {

  private final String storeName;
  private final Function<V, String> ticketNumber;
  private FixedKeyProcessorContext<String, V> context;
  private KeyValueStore<String, Long> seen;

  FirstSighting(String storeName, Function<V, String> ticketNumber) {
    this.storeName = storeName;
    this.ticketNumber = ticketNumber;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, V> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    V event = record.value();
    if (event == null || ticketNumber.apply(event) == null) {
      return;
    }
    String number = ticketNumber.apply(event);
    if (seen.putIfAbsent(number, record.timestamp()) == null) {
      context.forward(record);
    }
  }
}

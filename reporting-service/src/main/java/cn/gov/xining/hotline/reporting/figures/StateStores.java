package cn.gov.xining.hotline.reporting.figures;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * How reporting's stores are kept: persistent (RocksDB, backed by changelog topics) in the service;
 * in memory in topology tests, where the test driver flushes every store after every record and
 * RocksDB made the seed-figure tests take minutes. The topology is the same.
 */
record StateStores(boolean inMemory) {

  static final StateStores PERSISTENT = new StateStores(false);

  <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> named(String name, Serde<V> values) {
    Materialized<String, V, KeyValueStore<Bytes, byte[]>> store =
        inMemory ? Materialized.as(Stores.inMemoryKeyValueStore(name)) : Materialized.as(name);
    return store.withKeySerde(Serdes.String()).withValueSerde(values);
  }

  /** A store for the Processor API, with a cache in front as the DSL's stores have. */
  <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values) {
    var supplier =
        inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    return Stores.keyValueStoreBuilder(supplier, Serdes.String(), values).withCachingEnabled();
  }
}

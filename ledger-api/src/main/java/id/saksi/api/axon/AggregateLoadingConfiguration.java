package id.saksi.api.axon;

import id.saksi.api.SaksiProperties;
import java.util.concurrent.ThreadPoolExecutor;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * How aggregates are loaded: from a per-instance LRU cache, else from their latest snapshot plus
 * the events after it. Without either, Axon replays an aggregate's whole history on every command
 * (DESIGN.md measured 75/s falling to 38/s on one stream). Every long-lived aggregate declares
 * {@code @Aggregate(cache = AggregateLoadingConfiguration.CACHE, snapshotTriggerDefinition =
 * AggregateLoadingConfiguration.SNAPSHOT_TRIGGER)}.
 *
 * <p>The cache is safe with several instances on one database: an instance holding a stale
 * aggregate writes a sequence number another instance already used, the event store's unique key
 * refuses it as a ConcurrencyException, the transaction rolls back, and the cache entry is dropped,
 * so the next command loads the current state.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AggregateLoadingConfiguration {
  /** The bean name of the aggregate cache. */
  public static final String CACHE = "aggregateCache";

  /** The bean name of the snapshot trigger. */
  public static final String SNAPSHOT_TRIGGER = "aggregateSnapshotTrigger";

  /** The aggregate cache, bounded by {@code saksi.axon.cache-size}. */
  @Bean(CACHE)
  public Cache aggregateCache(SaksiProperties properties) {
    return new LruAggregateCache(properties.axon().cacheSize());
  }

  /** A snapshot every {@code saksi.axon.snapshot-threshold} events. */
  @Bean(SNAPSHOT_TRIGGER)
  public SnapshotTriggerDefinition aggregateSnapshotTrigger(
      SpringAggregateSnapshotter snapshotter, SaksiProperties properties) {
    return new EventCountSnapshotTriggerDefinition(
        snapshotter, properties.axon().snapshotThreshold());
  }

  /**
   * Axon's snapshotter, but off the command thread: a snapshot is taken after the command's
   * transaction commits, and doing it inline would add its cost to that command's latency.
   */
  @Bean
  public SpringAggregateSnapshotter aggregateSnapshotter(
      Configuration configuration,
      HandlerDefinition handlerDefinition,
      ParameterResolverFactory parameterResolverFactory,
      EventStore eventStore,
      TransactionManager transactionManager,
      SnapshotterSpanFactory spanFactory,
      ThreadPoolTaskExecutor snapshotExecutor) {
    return SpringAggregateSnapshotter.builder()
        .repositoryProvider(configuration::repository)
        .transactionManager(transactionManager)
        .eventStore(eventStore)
        .parameterResolverFactory(parameterResolverFactory)
        .handlerDefinition(handlerDefinition)
        .spanFactory(spanFactory)
        .executor(snapshotExecutor)
        .build();
  }

  /**
   * One thread for snapshots; a snapshot that is lost (queue full, shutdown) costs only a longer
   * replay later, so the queue is bounded and overflow is dropped.
   */
  @Bean
  public ThreadPoolTaskExecutor snapshotExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("saksi-snapshot-");
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setQueueCapacity(1000);
    executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }
}

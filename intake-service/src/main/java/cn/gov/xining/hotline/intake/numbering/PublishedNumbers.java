package cn.gov.xining.hotline.intake.numbering;

import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * The numbers a node has already published, which outlive intake's database: were the database
 * reset, or restored from an old backup, while Kafka keeps its topics, the counter would hand out
 * numbers routing has seen with other tickets. The counter starts above them.
 */
@FunctionalInterface
interface PublishedNumbers {

  /** The highest sequence published for the day and node; empty if none is known. */
  OptionalLong highest(LocalDate day, int node);
}

package cn.gov.xining.hotline.intake.numbering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param node two-digit number of this intake instance (1–99); instances sharing one database may
 *     share a node number, instances with their own database must not
 * @param blockSize how many numbers an instance reserves per database round trip; a restart skips
 *     at most this many
 */
@ConfigurationProperties("hotline.intake.numbering")
public record TicketNumberProperties(
    @DefaultValue("1") int node, @DefaultValue("50") int blockSize) {

  public TicketNumberProperties {
    if (node < 1 || node > 99) {
      throw new IllegalArgumentException(
          "hotline.intake.numbering.node must be 1..99, was " + node);
    }
    if (blockSize < 1) {
      throw new IllegalArgumentException("hotline.intake.numbering.block-size must be positive");
    }
  }
}

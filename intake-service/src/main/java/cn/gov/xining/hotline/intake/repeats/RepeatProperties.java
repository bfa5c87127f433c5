package cn.gov.xining.hotline.intake.repeats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How intake recognises a repeat appeal ({@code hotline.intake.repeats.*}).
 *
 * @param enabled whether new appeals are compared with open tickets at all
 * @param window how far back an open ticket may have been received: a problem still open after it
 *     is reported again as a new ticket, so that a recurrence is not hidden in an old case
 * @param distanceMetres how close two appeals' coordinates must be to count as one place
 * @param houseNumberGap how far apart two house numbers on one road may be and still be one place
 *     (neighbouring buildings share a burst main; 1号 and 300号 do not)
 * @param minSimilarity the least share of the shorter appeal's telling characters that the other
 *     must also use (see {@link AppealWords}); below it, two appeals at one place are two problems
 * @param maxCandidates how many open tickets at the place are compared, newest first
 */
@ConfigurationProperties("hotline.intake.repeats")
public record RepeatProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("15d") Duration window,
    @DefaultValue("300") int distanceMetres,
    @DefaultValue("10") int houseNumberGap,
    @DefaultValue("0.2") double minSimilarity,
    @DefaultValue("50") int maxCandidates) {}

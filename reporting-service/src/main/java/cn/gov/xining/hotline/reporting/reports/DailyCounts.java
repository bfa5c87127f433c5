package cn.gov.xining.hotline.reporting.reports;

import java.time.LocalDate;
import java.util.Map;

/**
 * One day's counts as managers read them.
 *
 * @param total appeals received that day
 * @param linkedAppeals of them, those linked to an open ticket as the same problem (重复件)
 * @param distinctProblems total − linkedAppeals
 * @param byChannel received per channel code (来源渠道)
 * @param byOutcome DIRECT (直接办理), TRANSFER (转交, repeat appeals included), TRIAGE (待人工分派)
 * @param byTopic per catalog topic code, of the routed tickets
 * @param byDistrict per district code, of the routed tickets that have one
 * @param byUnit tickets each unit was involved in, as lead or assisting unit ({@code hotline} for
 *     direct handling)
 */
public record DailyCounts(
    LocalDate date,
    long total,
    long linkedAppeals,
    long distinctProblems,
    Map<String, Long> byChannel,
    Map<String, Long> byOutcome,
    Map<String, Long> byTopic,
    Map<String, Long> byDistrict,
    Map<String, Long> byUnit) {}

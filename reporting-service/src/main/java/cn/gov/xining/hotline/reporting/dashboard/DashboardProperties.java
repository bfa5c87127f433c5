package cn.gov.xining.hotline.reporting.dashboard;

import java.net.URI;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The managers' dashboard.
 *
 * @param clientId its public client at the identity provider
 * @param casesUrl handling-service, whose case files ({@code GET /api/cases/{ticketNumber}}) the
 *     page opens from its overdue lists with the manager's token; handling must list the
 *     dashboard's origin in its {@code hotline.security.cors-origins}
 * @param routingUrl routing-service, whose dispatchers' corrections per week ({@code GET
 *     /api/routing/model/corrections}) the page reads with the manager's token; routing too must
 *     list the dashboard's origin in its {@code hotline.security.cors-origins}
 * @param workingDayStarts 上班时间 (Asia/Shanghai): before it the page opens on yesterday, whose
 *     figures are complete, after it on today
 */
@ConfigurationProperties("hotline.dashboard")
record DashboardProperties(
    @DefaultValue("dashboard") String clientId,
    @DefaultValue("http://127.0.0.1:8084") URI casesUrl,
    @DefaultValue("http://127.0.0.1:8082") URI routingUrl,
    @DefaultValue("09:00") LocalTime workingDayStarts) {}

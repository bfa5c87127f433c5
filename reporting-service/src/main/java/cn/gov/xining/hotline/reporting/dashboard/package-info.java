/**
 * The managers' dashboard ({@code static/dashboard.html}, its charts drawn by Apache ECharts served
 * from the webjar under {@code /webjars/}) and what the page needs to start: where to sign a
 * manager in at the identity provider (authorization code with PKCE, public client {@code
 * dashboard}), where handling-service serves the case files behind the overdue lists and where
 * routing-service serves the dispatchers' corrections of its model per week.
 */
package cn.gov.xining.hotline.reporting.dashboard;

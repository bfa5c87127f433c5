/**
 * The managers' dashboard ({@code static/dashboard.html}) and what it needs to sign a manager in at
 * the identity provider (authorization code with PKCE, public client {@code dashboard}).
 */
package cn.gov.xining.hotline.reporting.dashboard;

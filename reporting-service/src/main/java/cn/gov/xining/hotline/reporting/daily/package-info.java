/**
 * Daily counts (日报): tickets received per Asia/Shanghai day, by channel, by routing outcome
 * (direct, transfer, triage), by topic, by district and by unit. A ticket counts on the day it was
 * received, whenever its decision arrives, and a repeated ticket number counts once.
 */
package cn.gov.xining.hotline.reporting.daily;

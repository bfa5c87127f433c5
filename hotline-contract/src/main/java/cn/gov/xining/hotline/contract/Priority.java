package cn.gov.xining.hotline.contract;

/**
 * How urgent handling is. Urgent tickets (e.g. fire hazards, no heating in deep winter) go first.
 */
public enum Priority {
  NORMAL,
  URGENT
}

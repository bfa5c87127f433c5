package cn.gov.xining.hotline.contract;

/** 诉求类型: what kind of appeal the citizen makes. */
public enum AppealType {
  /** 咨询 */
  CONSULTATION,
  /** 求助 */
  HELP,
  /** 投诉 */
  COMPLAINT,
  /** 举报 */
  REPORT,
  /** 建议 */
  SUGGESTION,
  /** 表扬 */
  PRAISE
}

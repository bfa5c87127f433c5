package cn.gov.xining.hotline.routing.districts;

/**
 * What the gazetteer says about where an appeal is.
 *
 * @param districtCode the GB/T 2260 code of the district (区县), or {@code null} when it cannot be
 *     determined
 * @param evidence the place name(s) that decided, or that failed to decide, joined by 「、」; empty
 *     when no place name was found
 * @param explanation why, for an operator: Chinese first, English in brackets
 */
public record DistrictMatch(String districtCode, String evidence, String explanation) {

  public DistrictMatch {
    if (evidence == null || explanation == null) {
      throw new IllegalArgumentException("evidence and explanation are required, even when empty");
    }
  }

  /** Whether a district was determined. */
  public boolean known() {
    return districtCode != null;
  }
}

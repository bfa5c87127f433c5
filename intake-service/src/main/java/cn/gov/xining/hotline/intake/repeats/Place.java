package cn.gov.xining.hotline.intake.repeats;

import java.util.Map;
import java.util.Set;

/**
 * Where an appeal is, as far as its words and coordinates tell.
 *
 * @param roads roads and streets named (五四大街, 长江路), each with the house number given right after
 *     it, or null when none was
 * @param landmarks named compounds and sites, as the pairs of characters of their names (古城台小区: 古城,
 *     城台)
 * @param latitude WGS-84, or null
 * @param longitude WGS-84, or null
 */
record Place(Map<String, Integer> roads, Set<String> landmarks, Double latitude, Double longitude) {

  Place {
    roads =
        java.util.Collections.unmodifiableMap(new java.util.HashMap<>(roads)); // null: no number
    landmarks = Set.copyOf(landmarks);
  }

  boolean hasPosition() {
    return latitude != null && longitude != null;
  }

  /** The keys stored to find this place again: one per road and per landmark. */
  Set<String> keys() {
    var keys = new java.util.TreeSet<String>();
    roads.keySet().forEach(road -> keys.add("road:" + road));
    landmarks.forEach(landmark -> keys.add("site:" + landmark));
    return keys;
  }

  /**
   * Whether the other appeal is at this place: a site in common, a road in common without two house
   * numbers too far apart, or coordinates within the distance. Two appeals that each name a site,
   * and no site in common, are at two places, even on one road or close by: 金座花园 and 金盛花园 on 冷湖路
   * are two compounds with two heating systems and two lifts.
   */
  boolean sameAs(Place other, int distanceMetres, int houseNumberGap) {
    if (!landmarks.isEmpty() && !other.landmarks.isEmpty()) {
      return landmarks.stream().anyMatch(other.landmarks::contains);
    }
    for (var road : roads.entrySet()) {
      if (other.roads.containsKey(road.getKey())) {
        Integer mine = road.getValue();
        Integer theirs = other.roads.get(road.getKey());
        if (mine == null || theirs == null || Math.abs(mine - theirs) <= houseNumberGap) {
          return true;
        }
      }
    }
    return hasPosition()
        && other.hasPosition()
        && metresTo(other.latitude, other.longitude) <= distanceMetres;
  }

  /** Great-circle distance (haversine); exact enough within a city. */
  double metresTo(double otherLatitude, double otherLongitude) {
    double earthRadius = 6_371_000;
    double dLat = Math.toRadians(otherLatitude - latitude);
    double dLon = Math.toRadians(otherLongitude - longitude);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(otherLatitude))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * earthRadius * Math.asin(Math.sqrt(a));
  }
}

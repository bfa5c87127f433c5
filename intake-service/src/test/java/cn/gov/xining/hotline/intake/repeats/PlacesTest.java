package cn.gov.xining.hotline.intake.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.CatalogLoader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PlacesTest {

  private final Places places =
      new Places(CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml")));

  private Place at(String address, String content) {
    return places.of(address, content, null, null);
  }

  @Test
  void aRoadIsNamedWithoutItsDistrictAndKeepsTheHouseNumberThatFollowsIt() {
    var place = at("城北区柴达木路218号", "来电人反映柴达木路218号院内下水井冒水。");

    assertThat(place.roads()).containsEntry("达木路", 218).hasSize(1);
    assertThat(place.keys()).containsExactly("road:达木路");
  }

  @Test
  void aNamedCompoundIsAPlaceAndAVagueOneIsNot() {
    var named = at("湟中区鲁沙尔镇金塔小区", null);
    var vague = at(null, "我们小区门口的路灯不亮，这个小区附近也没有路灯。");

    assertThat(named.landmarks()).containsExactly("金塔");
    assertThat(vague.landmarks()).isEmpty();
  }

  @Test
  void aSiteShortenedOrToldAsAnAreaIsStillTheSamePlace() {
    var compound = at("城西区古城台小区", null);
    var spoken = at(null, "古城台这边突然停水了");
    var other = at("城西区海湖小区", null);

    assertThat(compound.sameAs(spoken, 300, 10)).isTrue();
    assertThat(compound.sameAs(other, 300, 10)).isFalse();
  }

  @Test
  void twoNamedCompoundsOnOneRoadAreTwoPlaces() {
    var one = places.of("城西区冷湖路金座花园5号楼", null, 36.6305, 101.7506);
    var neighbour = places.of("城西区冷湖路金盛花园2号楼", null, 36.6310, 101.7510);

    assertThat(one.sameAs(neighbour, 300, 10)).isFalse();
    assertThat(one.sameAs(places.of("冷湖路金座花园", null, null, null), 300, 10)).isTrue();
  }

  @Test
  void theOperatorsOpeningWordsAreNoPartOfAPlace() {
    var one = at("城西区五四大街30号", "来电人反映小区暖气不热，室温只有十四度。");
    var other = at("城西区胜利路8号", "来电人反映小区暖气不热，室温只有十五度。");

    assertThat(one.landmarks()).isEmpty();
    assertThat(one.sameAs(other, 300, 10)).isFalse();
  }

  @Test
  void wordsThatEndLikeARoadButAreNoneNameNoPlace() {
    var place = at(null, "过马路很危险，沿街商铺占道经营，城关街道也不管。");

    assertThat(place.roads()).isEmpty();
  }

  @Test
  void theSameRoadWithHouseNumbersFarApartIsTwoPlacesAndNeighboursAreOne() {
    var first = at("七一路12号", null);

    assertThat(first.sameAs(at("七一路16号", null), 300, 10)).isTrue();
    assertThat(first.sameAs(at("七一路410号", null), 300, 10)).isFalse();
    assertThat(first.sameAs(at("七一路口", null), 300, 10)).isTrue();
  }

  @Test
  void coordinatesWithinTheDistanceAreOnePlaceWithoutAWordInCommon() {
    var one = places.of(null, "楼下烧烤店油烟太大", 36.6200, 101.7800);
    var near = places.of(null, "小区旁边烧烤摊冒烟", 36.6215, 101.7805);
    var far = places.of(null, "烧烤店油烟", 36.6400, 101.7800);

    assertThat(one.sameAs(near, 300, 10)).isTrue();
    assertThat(one.sameAs(far, 300, 10)).isFalse();
    assertThat(one.metresTo(36.6215, 101.7805)).isBetween(150.0, 190.0);
  }

  @Test
  void fullWidthDigitsAreHouseNumbersToo() {
    assertThat(at("长江路１５号", null).roads()).containsEntry("长江路", 15);
  }
}

package cn.gov.xining.hotline.routing.districts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.CatalogLoader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class DistrictResolverTest {

  private static final String CHENGDONG = "630102";
  private static final String CHENGZHONG = "630103";
  private static final String CHENGXI = "630104";
  private static final String CHENGBEI = "630105";
  private static final String HUANGZHONG = "630106";
  private static final String DATONG = "630121";
  private static final String HUANGYUAN = "630123";

  private static final DistrictResolver resolver =
      DistrictResolver.load(
          CatalogLoader.load(new ClassPathResource("catalog/xining-catalog.yaml")),
          new ClassPathResource("gazetteer/xining-places.yaml"));

  @Test
  void aTownInTheAddressNamesItsCounty() {
    var match = resolver.resolve("塔尔镇某农贸市场", "市场通道被货物占满");

    assertThat(match.districtCode()).isEqualTo(DATONG);
    assertThat(match.known()).isTrue();
    assertThat(match.evidence()).isEqualTo("塔尔镇");
    assertThat(match.explanation()).isEqualTo("地址中的「塔尔镇」属大通县 (address names 塔尔镇 in 大通县)");
  }

  @Test
  void chengguanTownAloneIsAmbiguousBetweenDatongAndHuangyuan() {
    var match = resolver.resolve("城关镇", "来电人反映家里暖气前天开始不热");

    assertThat(match.known()).isFalse();
    assertThat(match.districtCode()).isNull();
    assertThat(match.evidence()).isEqualTo("城关镇");
    assertThat(match.explanation()).contains("大通县", "湟源县", "无法确定");
  }

  @Test
  void chengguanTownIsSettledByTheCountyTheTextNames() {
    var match = resolver.resolve("城关镇某旅馆", "来电人称湟源县城关镇一家小旅馆楼道里堆满纸箱杂物");

    assertThat(match.districtCode()).isEqualTo(HUANGYUAN);
    assertThat(match.evidence()).isEqualTo("城关镇、湟源县");
    assertThat(match.explanation()).contains("湟源县", "settles it");
  }

  @Test
  void chengguanTownIsSettledByAnotherPlaceOfOneCandidateInTheSameAddress() {
    assertThat(resolver.resolve("城关镇丹噶尔古城旁", null).districtCode()).isEqualTo(HUANGYUAN);
    assertThat(resolver.resolve("大通县城关镇主干道", null).districtCode()).isEqualTo(DATONG);
  }

  @Test
  void shangxinzhuangTownIsNotAlsoXinzhuangTown() {
    var match = resolver.resolve("上新庄镇某工地", null);

    assertThat(match.districtCode()).isEqualTo(HUANGZHONG);
    assertThat(match.evidence()).isEqualTo("上新庄镇");
    assertThat(resolver.resolve("新庄镇某村", null).districtCode()).isEqualTo(DATONG);
  }

  @Test
  void anUrbanVillageIsNotChengzhongDistrict() {
    assertThat(resolver.resolve(null, "小区旁边的城中村里有人焚烧垃圾").known()).isFalse();
    assertThat(resolver.resolve(null, "大堡子镇一个城中村的村口有人乱倒建筑垃圾").districtCode()).isEqualTo(CHENGBEI);
  }

  @Test
  void aShortDistrictFormCountsOnlyWhereItStandsAlone() {
    assertThat(resolver.resolve(null, "我家在城北边的一个小区").known()).isFalse();
    assertThat(resolver.resolve(null, "城中心的路口红绿灯坏了").known()).isFalse();
    assertThat(resolver.resolve(null, "城东西边的空地上堆满垃圾").known()).isFalse();
    assertThat(resolver.resolve(null, "消防大通道被堵死了").known()).isFalse();
    assertThat(resolver.resolve(null, "西宁市城北区一家饭馆").districtCode()).isEqualTo(CHENGBEI);
    assertThat(resolver.resolve(null, "城东八一路一家火锅店").districtCode()).isEqualTo(CHENGDONG);
    assertThat(resolver.resolve("城中，南大街", null).districtCode()).isEqualTo(CHENGZHONG);
  }

  @Test
  void aTownTwoCountiesShareIsSettledByTheCountyNamedInItsSpokenShortForm() {
    // 城关镇 is a town of both 大通县 and 湟源县; callers name the county as they speak
    assertThat(resolver.resolve("城关镇某小区", "在大通这边住了十年，小区暖气一直不热").districtCode()).isEqualTo(DATONG);
    assertThat(resolver.resolve("城关镇", "湟源这边的菜市场缺斤短两").districtCode()).isEqualTo(HUANGYUAN);
    assertThat(resolver.resolve(null, "我在湟源城关镇一家饭馆打工，老板欠了三个月工资").districtCode())
        .isEqualTo(HUANGYUAN);
    assertThat(resolver.resolve(null, "城关镇东街，大通的暖气费涨了").districtCode()).isEqualTo(DATONG);
    // but not when the next character makes it another word
    assertThat(resolver.resolve(null, "在大通河边钓鱼的人乱扔垃圾").known()).isFalse();
    assertThat(resolver.resolve(null, "在城中心的路口红绿灯坏了").known()).isFalse();
  }

  @Test
  void oldAndShortNamesOfTheCountiesCount() {
    assertThat(resolver.resolve("湟中县多巴镇", null).districtCode()).isEqualTo(HUANGZHONG);
    assertThat(resolver.resolve("大通回族土族自治县", null).districtCode()).isEqualTo(DATONG);
    assertThat(resolver.resolve(null, "湟源县城这几天暖气忽冷忽热").districtCode()).isEqualTo(HUANGYUAN);
    assertThat(resolver.resolve(null, "从塔尔寺出来路边车辆乱停").districtCode()).isEqualTo(HUANGZHONG);
  }

  @Test
  void dongxiaAloneIsAmbiguousButItsTownAndTownshipAreNot() {
    var alone = resolver.resolve("东峡柳树湾村", null);

    assertThat(alone.known()).isFalse();
    assertThat(alone.explanation()).contains("大通县", "湟源县");
    assertThat(resolver.resolve("东峡镇衙门庄村", null).districtCode()).isEqualTo(DATONG);
    assertThat(resolver.resolve("东峡乡某村", null).districtCode()).isEqualTo(HUANGYUAN);
  }

  @Test
  void theAddressOutweighsTheText() {
    var match = resolver.resolve("城西区胜利路某小区", "我老家在湟中区鲁沙尔镇，现在住城里");

    assertThat(match.districtCode()).isEqualTo(CHENGXI);
    assertThat(match.explanation()).startsWith("地址中的「城西区」「胜利路」属城西区");
  }

  @Test
  void theTextDecidesWhenTheAddressNamesNoPlace() {
    var match = resolver.resolve("某小区3号楼", "我在湟中区鲁沙尔镇买的商品房供暖不达标");

    assertThat(match.districtCode()).isEqualTo(HUANGZHONG);
    assertThat(match.explanation()).startsWith("诉求内容中的");
  }

  @Test
  void placesOfDifferentDistrictsInTheTextLeaveTheDistrictUnknown() {
    var match = resolver.resolve(null, "我住在城东区，在海湖新区一家健身房办的卡退不了费");

    assertThat(match.known()).isFalse();
    assertThat(match.evidence()).isEqualTo("城东区、海湖新区");
    assertThat(match.explanation()).contains("相互矛盾", "城东区", "城西区");
  }

  @Test
  void aDistrictNameInTheAddressOutranksAStreetThatContradictsIt() {
    var match = resolver.resolve("城东区胜利路", null);

    assertThat(match.districtCode()).isEqualTo(CHENGDONG);
    assertThat(match.evidence()).isEqualTo("城东区");
    assertThat(match.explanation()).contains("胜利路", "outranks");
  }

  @Test
  void twoDistrictNamesInTheAddressLeaveItToTheText() {
    assertThat(resolver.resolve("城东区城西区", null).known()).isFalse();
    assertThat(resolver.resolve("城东区城西区", "五四大街").districtCode()).isEqualTo(CHENGXI);
  }

  @Test
  void aPlaceOutsideTheCityIsExplainedNotGuessed() {
    var match = resolver.resolve(null, "本人昨晚从曹家堡机场打车到市区，司机绕路");

    assertThat(match.known()).isFalse();
    assertThat(match.evidence()).isEqualTo("曹家堡机场");
    assertThat(match.explanation()).contains("不在西宁市");
  }

  @Test
  void nothingToGoOnLeavesTheDistrictUnknown() {
    assertThat(resolver.resolve(null, null).known()).isFalse();
    var match = resolver.resolve("", "来电人反映最近下雪后不少路口红绿灯时间设置不合理");

    assertThat(match.known()).isFalse();
    assertThat(match.evidence()).isEmpty();
    assertThat(match.explanation()).contains("没有西宁市区县的地名");
  }
}

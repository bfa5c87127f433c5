package cn.gov.xining.hotline.reporting.hottopics;

import static java.util.function.Function.identity;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The main content of the seed day's three hot topics (daily report of 31 January: 工资纠纷 70,
 * "主要反映拖欠工资问题"; 供暖问题 51; 交通秩序 42, "主要反映违法停车问题") from appeals written in the voices the hotline
 * receives, and of labelled sample appeals written by others.
 */
class MainContentTest {

  // Operators' summaries, web and WeChat messages, letters to the mayor and questions, with the
  // addresses, names, sums, dates and masked numbers real appeals carry; many do not use the
  // bulletin's phrase, some are about something else.

  // Copied from shared/samples/complaints-dev.jsonl, as labelled there (traffic-order,
  // social-insurance, garbage): not written for these tests.

  private static final List<String> LABELLED_TRAFFIC_ORDER =
      """
      来电人反映，最近下雪后不少路口红绿灯时间设置不合理，左转灯只有十几秒，早晚高峰排很长的队，建议交警部门调整。
      来电人反映鲁沙尔镇塔尔寺附近道路周末车辆乱停，游客的车把路堵死了，当地居民出行困难。
      来电人反映朝阳东路上有大货车白天违规通行，并随意停靠卸货，造成交通拥堵，诉求交警部门管理。
      来电人反映每天早上七点半左右，五四大街一所小学门口接送孩子的车辆双排停车，严重堵塞交通，诉求交警加强疏导。
      随手拍：八一路边上这辆白色面包车停了快两个月了，落满了灰，轮胎都瘪了，长期占着车位没人管，是不是僵尸车？
      来电人反映桥头镇主街两侧商户门前车辆随意停放，早晚高峰经常堵死，县城就这一条主路，希望交警加强疏导。
      来电人反映甘河滩镇一路段有大车长期占道停放，晚上没有警示标志，夜里开车很容易撞上，诉求清理。
      来电人称火车站附近出租车、网约车乱停乱放揽客，进出站的车辆排起长队，希望交警加强管理。
      随手拍：南山路人行道上停满了私家车，行人只能走机动车道，非常危险，照片已上传，请交警处理。
      来电人反映胜利路一家医院门口常年有车辆违停，救护车进出都困难，交警偶尔来贴条，过一会儿又停满了。
      来电人反映海湖新区一商场周边每到周末堵车严重，排队进停车场的车辆占了两条车道，诉求交警现场疏导。
      市长您好！城中区长江路沿线违停现象非常严重，尤其是晚上，机动车道被占了一半，公交车都过不去，希望交警能加大夜间巡查力度。
      来电人称湟源县城关镇十字路口信号灯坏了两天了，没有交警指挥，车辆抢行，学生过马路很危险。
      来电人反映柴达木路一路口的红绿灯从早上起就一直黄灯闪烁，路口车辆互不相让，已经发生了两起剐蹭。
      城东区周家泉街道附近的小区门口路段，每天晚上都有车辆占用人行横道停车，还有的直接停在公交站台上，请交警部门定期清理。
      来电人反映礼让街街道一农贸市场门口三轮车、私家车乱停，早上买菜的人挤不过去，车也开不动。
      """
          .lines()
          .toList();

  private static final List<String> LABELLED_SOCIAL_INSURANCE =
      """
      来电人反映其在景阳镇卫生院看病，刷医保卡时提示“参保状态异常”，但其去年已经缴纳了医保费，诉求核查。
      来电人反映原单位一直没给其缴纳养老保险，来电人今年满60岁，缴费年限不够无法领取养老金，诉求补缴并追究单位责任。
      我是西宁市参保职工，上个月在外省住院花了四万多元，回来报销时被告知没有办理异地就医备案，报销比例要降低。当时情况紧急来不及备案，请求按正常比例报销。
      来电人反映其社保卡丢失后在银行网点申请补办，已经一个多月了还没拿到新卡，看病买药都用不了医保。
      来电人反映其父亲是湟中区李家山镇农民，参加城乡居民医保，在区医院住院的报销比例比村里其他人低，不清楚原因，诉求核实。
      您好，我是灵活就业人员，一直按时缴纳城镇职工养老保险，但最近查询发现去年有三个月的缴费记录缺失，银行扣款记录都有，请相关部门核查补录。
      来电人反映其母亲家住城东区周家泉街道，去年12月退休，养老金到现在还没发下来，去社保经办机构问说在审核，已经等了快两个月。
      """
          .lines()
          .toList();

  private static final List<String> LABELLED_GARBAGE =
      """
      来电人反映拦隆口镇集市旁的垃圾收集点半个多月没有清运车来了，垃圾满地，还有野狗在里面翻找。
      物业不管事，小区垃圾都堆了一个礼拜了，物业说清运公司不来，清运公司说物业没交钱，我们业主天天闻这个味儿。
      来电人反映村口垃圾池满了半个月没人拉，垃圾被风吹得到处都是，诉求尽快清运。
      来电人称家属院里的垃圾桶元旦前就满了，一直没人拉，现在垃圾都堆到单元门口了，风一刮满院子飘塑料袋。
      来信反映：长宁镇某村道路两侧生活垃圾长期堆放无人清理，村内垃圾箱破损满溢，希望镇政府安排定期清运。
      随手拍：古城台街道一小区后门垃圾堆成了小山，垃圾桶被埋在里面，看照片就知道多久没清了。
      来电人反映湟源县城关镇某小区门口垃圾箱满溢，周边堆满了年货包装箱，环卫三四天才来一次，诉求增加清运频次。
      来电人反映大堡子镇一个城中村的村口有人乱倒建筑垃圾，砖头水泥块堆了半条路，村民出行受影响，要求清理并查处乱倒者。
      """
          .lines()
          .toList();

  @Test
  void unpaidWagesIsWhatTheSeedDaysWageDisputesAreMainlyAbout() {
    assertThat(mainContentOf(SeedDayAppeals.WAGE_DISPUTES)).isEqualTo("拖欠工资");
  }

  @Test
  void radiatorsThatAreNotWarmIsWhatTheSeedDaysHeatingAppealsAreMainlyAbout() {
    assertThat(mainContentOf(SeedDayAppeals.HEATING)).isEqualTo("暖气不热");
  }

  @Test
  void illegalParkingInTheNewspapersWordsIsWhatTheSeedDaysTrafficAppealsAreMainlyAbout() {
    assertThat(mainContentOf(SeedDayAppeals.TRAFFIC_ORDER)).isEqualTo("违法停车");
  }

  @Test
  void theLabelledTrafficSamplesAreMainlyAboutIllegalParkingThoughNoneWritesItOut() {
    assertThat(LABELLED_TRAFFIC_ORDER).noneMatch(appeal -> appeal.contains("违法停车"));

    assertThat(mainContentOf(LABELLED_TRAFFIC_ORDER)).isEqualTo("违法停车");
  }

  @Test
  void pensionInsuranceIsWhatTheLabelledSocialInsuranceSamplesAreMainlyAbout() {
    // given: two of the seven appeals offer 养老保险 and two offer 报销比例
    Map<String, Long> counts = phraseCountsOf(LABELLED_SOCIAL_INSURANCE);
    assertThat(counts).containsEntry("养老保险", 2L).containsEntry("报销比例", 2L);

    // then: the tie goes to the first in Unicode order (养 U+517B before 报 U+62A5)
    assertThat(MainContent.choose(counts)).isEqualTo("养老保险");
  }

  @Test
  void eightGarbageAppealsAboutEightDifferentThingsHaveNoMainContent() {
    // 垃圾堆放, 垃圾箱满溢, 乱倒建筑垃圾...: no phrase is offered by two of them, so the bulletin
    // keeps the topic's name rather than one appeal's wording
    assertThat(mainContentOf(LABELLED_GARBAGE)).isNull();
  }

  @Test
  void anAppealOffersWhatIsWrongNotWhatTheCallerAsksFor() {
    assertThat(MainContent.phrasesOf("来电人反映家中暖气不热，诉求供热公司尽快派人维修管道。")).containsExactly("暖气不热");
    assertThat(MainContent.phrasesOf("希望交警加强管理，规范停车秩序。")).isEmpty();
  }

  @Test
  void aRequestThatNamesTheProblemStillOffersIt() {
    assertThat(MainContent.phrasesOf("希望有关部门尽快解决我们小区暖气不热的问题。")).containsExactly("暖气不热");
    assertThat(MainContent.phrasesOf("诉求解决拖欠工资问题")).containsExactly("拖欠工资");
  }

  @Test
  void colloquialWordsCountAsTheBulletinsWording() {
    assertThat(MainContent.phrasesOf("医院门口常年有车辆违停")).contains("违法停车");
    assertThat(MainContent.phrasesOf("小区门口天天有车违章停车")).contains("违法停车");
    assertThat(MainContent.phrasesOf("老板欠我们两个月工钱")).contains("拖欠工资");
    assertThat(MainContent.phrasesOf("公司从去年9月开始欠薪")).contains("拖欠工资");
    assertThat(MainContent.phrasesOf("暖气片已经不热了")).contains("暖气不热");
  }

  @Test
  void aDebtOwedForHeatingIsNotUnpaidWages() {
    assertThat(MainContent.phrasesOf("因欠费被停暖，暖气不热")).doesNotContain("拖欠费");
  }

  @Test
  void placesPeopleSumsDatesAndMaskedNumbersAreNoPartOfAPhrase() {
    List<String> phrases =
        MainContent.phrasesOf("来电人张某（138****1234）反映，城东区八一路12号院3号楼暖气不热，1月28日至今室温14度，已交取暖费2300元。");

    assertThat(phrases).contains("暖气不热");
    assertThat(phrases)
        .allSatisfy(
            phrase ->
                assertThat(phrase)
                    .doesNotContainPattern("[0-9*（）]")
                    .doesNotContain("张某", "城东区", "八一路"));
  }

  @Test
  void noTextOffersNoPhrase() {
    assertThat(MainContent.phrasesOf(null)).isEmpty();
    assertThat(MainContent.phrasesOf("")).isEmpty();
    assertThat(MainContent.phrasesOf(" \t\n　")).isEmpty();
    assertThat(MainContent.phrasesOf("。，！？……——“”")).isEmpty();
    assertThat(MainContent.phrasesOf("138****1234")).isEmpty();
  }

  @Test
  void a64KilobyteTextIsReadQuicklyAndOffersAtMostSixPhrases() {
    MainContent.phrasesOf("暖气不热"); // loads HanLP's dictionaries
    String manyAppeals =
        String.join("", SeedDayAppeals.WAGE_DISPUTES).repeat(100).substring(0, 65_536);
    String oneLongSentence = "暖气不热".repeat(16_384);
    String noWords = "啊".repeat(65_536);

    for (String text : List.of(manyAppeals, oneLongSentence, noWords)) {
      List<String> phrases =
          assertTimeoutPreemptively(Duration.ofSeconds(1), () -> MainContent.phrasesOf(text));

      assertThat(phrases).hasSizeLessThanOrEqualTo(MainContent.MAX_PHRASES);
    }
  }

  @Test
  void everyPhraseIsTwoOrThreeWordsOfThreeToEightCharactersOfferedOnce() {
    allAppeals()
        .forEach(
            appeal -> {
              List<String> phrases = MainContent.phrasesOf(appeal);

              assertThat(phrases).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(6);
              assertThat(phrases)
                  .allSatisfy(
                      phrase -> assertThat(phrase).matches("\\p{IsHan}{3,8}").doesNotEndWith("问题"));
            });
  }

  @Test
  void theMostOfferedPhraseIsTheMainContent() {
    assertThat(MainContent.choose(Map.of("暖气不热", 11L, "温度不到", 2L, "报修未上门", 1L))).isEqualTo("暖气不热");
  }

  @Test
  void aPhraseInsideALongerOneWinsForEveryAppealOfTheLongerOneOffersItToo() {
    assertThat(MainContent.choose(Map.of("车辆违法停车", 8L, "违法停车", 11L))).isEqualTo("违法停车");
    assertThat(MainContent.choose(Map.of("车辆违法停车", 8L, "违法停车", 8L))).isEqualTo("违法停车");
  }

  @Test
  void equalCountsGoToTheShorterPhraseThenToTheFirstInUnicodeOrder() {
    assertThat(MainContent.choose(Map.of("暖气忽冷忽热", 3L, "暖气不热", 3L))).isEqualTo("暖气不热");
    assertThat(MainContent.choose(Map.of("温度不到", 3L, "暖气不热", 3L))).isEqualTo("暖气不热");
  }

  @Test
  void aTopicOfASingleAppealTakesWhatThatAppealReports() {
    // the README walk-through's call
    var phrases = MainContent.phrasesOf("来电人反映在城北区某工地务工，老板拖欠三个月工资。");
    var counts = phrases.stream().collect(groupingBy(identity(), counting()));

    assertThat(MainContent.choose(counts, 1, "工资纠纷")).isEqualTo("拖欠工资");
    assertThat(MainContent.choose(Map.of("暖气不热", 1L), 2, "供暖问题")).isNull();
  }

  @Test
  void aPhraseOnlyOneAppealOfferedIsNoMainContent() {
    Map<String, Long> withNulls = new HashMap<>();
    withNulls.put("暖气不热", null);
    withNulls.put(null, 5L);

    assertThat(MainContent.choose(Map.of("暖气不热", 1L, "拖欠工资", 1L))).isNull();
    assertThat(MainContent.choose(Map.of())).isNull();
    assertThat(MainContent.choose(withNulls)).isNull();
  }

  @Test
  void theStreamsThreadsCanShareItAndGetWhatOneThreadGets() throws Exception {
    List<String> appeals = allAppeals().toList();
    List<List<String>> alone = appeals.stream().map(MainContent::phrasesOf).toList();
    List<Callable<List<List<String>>>> threads =
        Stream.<Callable<List<List<String>>>>generate(
                () -> () -> appeals.stream().map(MainContent::phrasesOf).toList())
            .limit(8)
            .toList();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<List<List<String>>> together : pool.invokeAll(threads)) {
        assertThat(together.get()).isEqualTo(alone);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hanlpReadsItsDictionariesFromTheJarAndWritesNoCacheToTheWorkingDirectory() {
    MainContent.phrasesOf("来电人反映小区暖气不热");

    assertThat(Files.exists(Path.of(System.getProperty("user.dir"), "data"))).isFalse();
  }

  private static String mainContentOf(List<String> appeals) {
    return MainContent.choose(phraseCountsOf(appeals));
  }

  /** Phrase to the number of appeals that offered it, as the topology counts them. */
  private static Map<String, Long> phraseCountsOf(List<String> appeals) {
    return appeals.stream()
        .flatMap(appeal -> MainContent.phrasesOf(appeal).stream())
        .collect(groupingBy(identity(), counting()));
  }

  private static Stream<String> allAppeals() {
    return Stream.of(
            SeedDayAppeals.WAGE_DISPUTES,
            SeedDayAppeals.HEATING,
            SeedDayAppeals.TRAFFIC_ORDER,
            LABELLED_TRAFFIC_ORDER,
            LABELLED_SOCIAL_INSURANCE,
            LABELLED_GARBAGE)
        .flatMap(List::stream);
  }
}

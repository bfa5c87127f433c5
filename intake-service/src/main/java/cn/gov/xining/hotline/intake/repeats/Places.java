package cn.gov.xining.hotline.intake.repeats;

import cn.gov.xining.hotline.catalog.Catalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads the place out of an appeal's address and text: the roads and named sites in it, by the
 * words Chinese addresses end in (路, 大街, 小区, 工地 …), each named by the two characters before that
 * ending. Written here rather than taken from a library because what is needed is small and must be
 * predictable: no maintained Java address parser for Chinese is on Maven Central, and HanLP's place
 * recognition names places without telling a road from a compound or finding the house number.
 *
 * <p>The province, city and the catalog's district names are taken out first, so that 城西区五四大街 is
 * 五四大街; a name whose characters are pronouns or place words (某, 这, 附近 …) names nothing.
 */
@Component
class Places {

  /** Endings of roads, longest first; the house number may follow them. */
  private static final List<String> ROAD_ENDINGS = List.of("大街", "大道", "胡同", "路", "街", "巷");

  /** Endings of sites whose name is the place. */
  private static final List<String> SITE_ENDINGS =
      List.of(
          "农贸市场", "家属院", "家属楼", "小区", "花园", "家园", "公寓", "大厦", "广场", "市场", "新村", "工地", "学校", "小学",
          "中学", "幼儿园", "医院", "公园", "酒吧", "商场", "超市", "宾馆", "酒店", "菜场", "车站", "片区", "那边", "这边", "一带",
          "附近", "苑", "园", "村");

  /** Words that end like a road or a site but are not one. */
  private static final Set<String> NOT_PLACES =
      Set.of(
          "马路", "道路", "公路", "走路", "出路", "思路", "线路", "网路", "上路", "沿路", "修路", "让路", "挡路", "堵路", "逛街",
          "上街", "沿街", "临街", "满街", "整街", "过街", "这村", "本村", "全村", "进村", "农村", "乡村", "山村");

  /** Characters that do not name a place (某工地, 这个小区, 附近超市). */
  private static final Pattern NAMES_NOTHING =
      Pattern.compile("[某该这那本我你他她们的在了个与及近边旁对门口里内外上下有是到去从向往条家]");

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  /** Last characters of other places' names: a site's name does not reach back over them. */
  private static final String ENDS_A_PLACE = "路街巷道区园场院村苑楼号市县镇乡省";

  private static final Pattern HOUSE_NUMBER = Pattern.compile("^(?:[东西南北中]段)?(\\d{1,5})号");
  private static final Pattern ADMINISTRATIVE = Pattern.compile("(?:青海省|青海|西宁市|西宁)");

  /** Who says what: the words before a place in an appeal that are not part of its name. */
  private static final Pattern SAYING =
      Pattern.compile("来电人|来电|反映|市民|网友|群众|居民|业主|投诉|举报|咨询|请问|希望|表示|诉求|称|说|住在|位于|家住|所住|所在");

  private final List<String> districtNames;

  Places(Catalog catalog) {
    var names = new ArrayList<String>();
    for (var district : catalog.districts()) {
      names.add(district.name());
      names.add(district.commonName());
    }
    // Longest first: 大通回族土族自治县 before 大通县.
    names.sort(Comparator.comparingInt(String::length).reversed());
    this.districtNames = List.copyOf(names);
  }

  Place of(String address, String content, Double latitude, Double longitude) {
    var roads = new HashMap<String, Integer>();
    var landmarks = new HashSet<String>();
    for (String text : new String[] {address, content}) {
      if (text != null) {
        read(plain(text), roads, landmarks);
      }
    }
    return new Place(roads, landmarks, latitude, longitude);
  }

  /** The text with full-width digits made plain and the province, city and districts taken out. */
  private String plain(String text) {
    var plain = new StringBuilder(text.length());
    text.codePoints()
        .map(c -> c >= '０' && c <= '９' ? c - '０' + '0' : c)
        .filter(c -> !Character.isWhitespace(c))
        .forEach(plain::appendCodePoint);
    String result = ADMINISTRATIVE.matcher(plain).replaceAll("|");
    // What an operator's summary begins with is no part of a place: 来电人反映小区… names no 映小区.
    result = SAYING.matcher(result).replaceAll("|");
    for (String district : districtNames) {
      result = result.replace(district, "|");
    }
    return result;
  }

  private static void read(String text, Map<String, Integer> roads, Set<String> landmarks) {
    for (int end = 0; end < text.length(); end++) {
      String site = endingAt(text, end, SITE_ENDINGS);
      if (site != null) {
        landmarks.addAll(siteNameBefore(text, end));
        end += site.length() - 1;
        continue;
      }
      String road = endingAt(text, end, ROAD_ENDINGS);
      // 街道 is a sub-district office, an area rather than a street.
      if (road != null && !text.startsWith("街道", end)) {
        String name = nameBefore(text, end, road);
        if (name != null) {
          Matcher number = HOUSE_NUMBER.matcher(text.substring(end + road.length()));
          Integer houseNumber = number.find() ? Integer.valueOf(number.group(1)) : null;
          // The first number given for a road is its number; a mention without one changes nothing.
          if (roads.get(name) == null) {
            roads.put(name, houseNumber);
          }
        }
        end += road.length() - 1;
      }
    }
  }

  private static String endingAt(String text, int at, List<String> endings) {
    for (String ending : endings) {
      if (text.startsWith(ending, at)) {
        return ending;
      }
    }
    return null;
  }

  /**
   * A site's name as the pairs of characters in it: up to four Han characters before the ending,
   * back to the first that names nothing or ends another place (路, 区, 号 …). Pairs rather than the
   * whole name because citizens shorten and extend names: 古城台小区, 古城台片区 and 古城台这边 are one place,
   * 马坊东小区 and 马坊那边 likely so.
   */
  private static List<String> siteNameBefore(String text, int end) {
    int start = end;
    while (start > 0
        && end - start < 4
        && HAN.matcher(text.substring(start - 1, start)).matches()
        && !NAMES_NOTHING.matcher(text.substring(start - 1, start)).matches()
        && ENDS_A_PLACE.indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    var pairs = new ArrayList<String>();
    for (int i = start; i + 2 <= end; i++) {
      pairs.add(text.substring(i, i + 2));
    }
    return pairs;
  }

  /** The two Han characters before the ending, with it; null if they name nothing. */
  private static String nameBefore(String text, int end, String ending) {
    if (end < 2) {
      return null;
    }
    String before = text.substring(end - 2, end);
    if (!HAN.matcher(before.substring(0, 1)).matches()
        || !HAN.matcher(before.substring(1)).matches()
        || NAMES_NOTHING.matcher(before).find()) {
      return null;
    }
    String name = before + ending;
    for (String notPlace : NOT_PLACES) {
      if (name.endsWith(notPlace)) {
        return null;
      }
    }
    return name;
  }
}

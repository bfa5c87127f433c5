package cn.gov.xining.hotline.routing.districts;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.routing.text.PhraseMatcher;
import cn.gov.xining.hotline.routing.text.PhraseMatcher.Occurrence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.core.io.Resource;

/**
 * Infers the district (区县) of an appeal from its address and its text with a gazetteer: every
 * district's names and aliases (城东区, 湟中县, 大通) and its places (streets, towns, townships, roads,
 * landmarks), from the catalog merged with the gazetteer file.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li><b>One pass per field.</b> A {@link PhraseMatcher} over every gazetteer name finds all
 *       occurrences, overlapping ones included, in one pass over the address and one over the text.
 *   <li><b>Short district forms must stand alone.</b> A two-character alias (城东, 城中, 湟中, 大通) counts
 *       only when the field ends after it, a non-Han character follows, another place name starts
 *       right after it, or speech makes it a place (在大通…, 到湟源, 大通这边, 湟源那里, 大通的): 城东八一路 and 「城北」
 *       count; 城中村, 城中心, 城北边, 城东西 and 大通河 do not.
 *   <li><b>Longest names win.</b> Of overlapping occurrences only the longest is kept (then the
 *       leftmost), so 上新庄镇 is not also 新庄镇 and 鲁沙尔镇 is not also 鲁沙尔. Phrases listed as not places
 *       (城中村) and places outside the city (曹家堡) take part, so the names inside them do not count;
 *       they themselves never vote for a district.
 *   <li><b>Within one field the names must agree.</b> Each name stands for the set of districts
 *       that have it (城关镇 is in both 大通县 and 湟源县); the field's candidates are the intersection. One
 *       district left: decided. Several: ambiguous. None: the field contradicts itself; in an
 *       address, a district name (城东区) then outranks streets and landmarks, because roads cross
 *       district lines and the district prefix of an address is deliberate; in narrative text, two
 *       places in different districts are simply two places, so nothing is decided.
 *   <li><b>The address weighs more than the text.</b> An address that decides is the answer and the
 *       text is not read. An ambiguous or contradictory address keeps its candidates, and the text
 *       may pick one of them: a text name that belongs to exactly one candidate (城关镇 in the
 *       address, 湟源县 in the text). An address without any place leaves it to the text alone.
 *   <li><b>Never a guess.</b> Whatever is still ambiguous or contradictory is unknown, and the
 *       explanation names the candidates or the conflicting places.
 * </ol>
 *
 * <p>Immutable and thread-safe. Per call it allocates the matcher's occurrences, two small arrays
 * and the explanation; the address alone usually decides, and then the text is not scanned.
 */
public final class DistrictResolver {

  private static final byte NOT_A_PLACE = 0;
  private static final byte ELSEWHERE = 1;
  private static final byte PLACE = 2;
  private static final byte DISTRICT_NAME = 3;

  /** Longest alias that must stand alone: two Han characters are too often a word of their own. */
  private static final int GUARDED_LENGTH = 2;

  /**
   * Words after a short district form that make it a place in speech: 大通这边, 湟源那里, 城东一带, 大通县城, 大通的.
   * Not 河, 路 or 村, which make it part of another name (大通河).
   */
  private static final java.util.regex.Pattern SPOKEN_AFTER =
      java.util.regex.Pattern.compile("这边|那边|这里|那里|这儿|那儿|一带|附近|境内|地区|县城|的");

  /** Characters before a short district form that make it a place: 在大通, 到湟源, 去城东, 住城北. */
  private static final String SPOKEN_BEFORE = "在到去从住往于";

  /** ...unless the next character makes it another word: 在城北边, 在城中心, 在大通河, 在城东西. */
  private static final String PART_OF_A_WORD = "边心河村西东南北中里外头道部";

  private final PhraseMatcher matcher;
  private final int[] districtsOf;
  private final byte[] kindOf;
  private final boolean[] guarded;
  private final String[] codes;
  private final String[] districtNames;
  // an empty field has no names, so nothing ever asks which field it was
  private final Reading nothing = new Reading(null, new int[0], 0);

  /**
   * Loads the gazetteer and merges it with the catalog's districts.
   *
   * @throws IllegalStateException if the gazetteer names a district code the catalog does not have,
   *     or lists a district's name as outside the city or as not a place
   */
  public static DistrictResolver load(Catalog catalog, Resource gazetteer) {
    try {
      return new DistrictResolver(catalog, Gazetteer.load(gazetteer));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "gazetteer " + gazetteer.getDescription() + " is unusable: " + e.getMessage(), e);
    }
  }

  DistrictResolver(Catalog catalog, Gazetteer gazetteer) {
    List<Catalog.District> districts = catalog.districts();
    if (districts.size() > Integer.SIZE - 1) {
      throw new IllegalStateException("at most 31 districts fit a district set");
    }
    codes = new String[districts.size()];
    districtNames = new String[districts.size()];
    var bitOf = new LinkedHashMap<String, Integer>();
    for (int i = 0; i < districts.size(); i++) {
      codes[i] = districts.get(i).code();
      districtNames[i] = districts.get(i).commonName();
      bitOf.put(codes[i], 1 << i);
    }

    // name -> {district set, kind}; a name keeps the strongest kind any district gives it
    var names = new LinkedHashMap<String, int[]>();
    for (var district : districts) {
      int bit = bitOf.get(district.code());
      add(names, district.name(), bit, DISTRICT_NAME);
      add(names, district.shortName(), bit, DISTRICT_NAME);
      district.places().forEach(place -> add(names, place, bit, PLACE));
    }
    for (var entry : gazetteer.districts()) {
      Integer bit = bitOf.get(entry.code());
      if (bit == null) {
        throw new IllegalStateException(
            "it names district code "
                + entry.code()
                + ", which is not in the catalog (known: "
                + bitOf.keySet()
                + ")");
      }
      entry.aliases().forEach(alias -> add(names, alias, bit, DISTRICT_NAME));
      entry.places().forEach(place -> add(names, place, bit, PLACE));
    }
    addNonVoting(names, gazetteer.elsewhere(), ELSEWHERE);
    addNonVoting(names, gazetteer.notPlaces(), NOT_A_PLACE);

    var phrases = new ArrayList<String>(names.keySet());
    districtsOf = new int[phrases.size()];
    kindOf = new byte[phrases.size()];
    guarded = new boolean[phrases.size()];
    for (int i = 0; i < phrases.size(); i++) {
      int[] found = names.get(phrases.get(i));
      districtsOf[i] = found[0];
      kindOf[i] = (byte) found[1];
      guarded[i] = kindOf[i] == DISTRICT_NAME && phrases.get(i).length() <= GUARDED_LENGTH;
    }
    matcher = new PhraseMatcher(phrases);
  }

  private static void add(Map<String, int[]> names, String name, int bit, byte kind) {
    if (name == null || name.isBlank()) {
      return;
    }
    int[] found = names.computeIfAbsent(name.strip(), n -> new int[] {0, kind});
    found[0] |= bit;
    found[1] = Math.max(found[1], kind);
  }

  private static void addNonVoting(Map<String, int[]> names, List<String> list, byte kind) {
    for (String name : list) {
      if (name == null || name.isBlank()) {
        continue;
      }
      int[] existing = names.get(name.strip());
      if (existing != null && existing[0] != 0) {
        throw new IllegalStateException(
            name + " is listed both as a place of a district and as " + describe(kind));
      }
      names.put(name.strip(), new int[] {0, kind});
    }
  }

  private static String describe(byte kind) {
    return kind == ELSEWHERE ? "outside the city" : "not a place";
  }

  /**
   * The district of an appeal.
   *
   * @param address the address given with the appeal; may be null or empty
   * @param text the appeal's text; may be null or empty
   */
  public DistrictMatch resolve(String address, String text) {
    Reading inAddress = read(address, Field.ADDRESS);
    if (inAddress.isDecided()) {
      return decided(inAddress);
    }
    if (inAddress.contradicts() && single(inAddress.namedIntersection)) {
      return overruled(inAddress);
    }
    Reading inText = read(text, Field.TEXT);
    if (inAddress.voters > 0) {
      int candidates = inAddress.intersection != 0 ? inAddress.intersection : inAddress.union;
      int cue = inText.cueAmong(candidates);
      if (single(cue)) {
        return settledByText(inAddress, candidates, inText, cue);
      }
      return undecided(inAddress);
    }
    if (inText.isDecided()) {
      return decided(inText);
    }
    if (inText.voters > 0) {
      return undecided(inText);
    }
    return outsideOrNothing(inAddress, inText);
  }

  private enum Field {
    ADDRESS("地址", "address"),
    TEXT("诉求内容", "text");

    final String chinese;
    final String english;

    Field(String chinese, String english) {
      this.chinese = chinese;
      this.english = english;
    }
  }

  // ---- reading one field ----

  private Reading read(String field, Field which) {
    if (field == null || field.isEmpty()) {
      return nothing;
    }
    List<Occurrence> found = matcher.find(field);
    int n = found.size();
    if (n == 0) {
      return nothing;
    }
    // candidates sorted longest first, then leftmost; n is a handful, so insertion sort
    int[] order = new int[n];
    int candidates = 0;
    for (int i = 0; i < n; i++) {
      Occurrence occurrence = found.get(i);
      if (guarded[occurrence.phrase()] && !standsAlone(field, occurrence, found)) {
        continue;
      }
      int j = candidates++;
      while (j > 0 && before(occurrence, found.get(order[j - 1]))) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    // keep maximal, non-overlapping occurrences; reuse the front of order for the kept ones
    int kept = 0;
    for (int c = 0; c < candidates; c++) {
      Occurrence occurrence = found.get(order[c]);
      boolean overlaps = false;
      for (int k = 0; k < kept && !overlaps; k++) {
        Occurrence other = found.get(order[k]);
        overlaps = occurrence.start() < other.end() && other.start() < occurrence.end();
      }
      if (!overlaps) {
        order[kept++] = order[c];
      }
    }
    // back into reading order, so explanations quote names as the caller wrote them
    for (int k = 1; k < kept; k++) {
      int current = order[k];
      int j = k;
      while (j > 0 && found.get(order[j - 1]).start() > found.get(current).start()) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = current;
    }
    int[] phrases = new int[kept];
    int distinct = 0;
    for (int k = 0; k < kept; k++) {
      int phrase = found.get(order[k]).phrase();
      if (indexOf(phrases, distinct, phrase) < 0) {
        phrases[distinct++] = phrase;
      }
    }
    return new Reading(which, phrases, distinct);
  }

  private static boolean before(Occurrence a, Occurrence b) {
    return a.length() != b.length() ? a.length() > b.length() : a.start() < b.start();
  }

  private boolean standsAlone(String field, Occurrence alias, List<Occurrence> found) {
    int end = alias.end();
    if (end == field.length() || !isHan(field.charAt(end))) {
      return true;
    }
    // Spoken forms of "in 大通": 在大通…, 到湟源去, 大通这边, 湟源那里, 大通的.
    if (SPOKEN_AFTER.matcher(field).region(end, field.length()).lookingAt()
        || (alias.start() > 0
            && SPOKEN_BEFORE.indexOf(field.charAt(alias.start() - 1)) >= 0
            && PART_OF_A_WORD.indexOf(field.charAt(end)) < 0)) {
      return true;
    }
    for (Occurrence next : found) {
      if (next.start() == end && districtsOf[next.phrase()] != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHan(char c) {
    return (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3400' && c <= '\u4dbf');
  }

  private static int indexOf(int[] values, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static boolean single(int districts) {
    return districts != 0 && (districts & (districts - 1)) == 0;
  }

  /** The names kept in one field (each once, in reading order) and what they say together. */
  private final class Reading {
    final Field field;
    final int[] phrases;
    final int count;
    final int voters;
    final int intersection;
    final int union;
    final int namedIntersection;

    Reading(Field field, int[] phrases, int count) {
      this.field = field;
      this.phrases = phrases;
      this.count = count;
      int voting = 0;
      int all = ~0;
      int any = 0;
      int named = ~0;
      for (int i = 0; i < count; i++) {
        int districts = districtsOf[phrases[i]];
        if (districts != 0) {
          voting++;
          all &= districts;
          any |= districts;
          if (kindOf[phrases[i]] == DISTRICT_NAME) {
            named &= districts;
          }
        }
      }
      this.voters = voting;
      this.intersection = voting == 0 ? 0 : all;
      this.union = any;
      this.namedIntersection = named == ~0 ? 0 : named;
    }

    boolean isDecided() {
      return single(intersection);
    }

    boolean contradicts() {
      return voters > 0 && intersection == 0;
    }

    /** The candidates that names here single out: each name counts if it fits exactly one. */
    int cueAmong(int candidates) {
      int cue = 0;
      for (int i = 0; i < count; i++) {
        int fits = districtsOf[phrases[i]] & candidates;
        if (single(fits)) {
          cue |= fits;
        }
      }
      return cue;
    }
  }

  // ---- explanations ----

  private DistrictMatch decided(Reading reading) {
    int district = Integer.numberOfTrailingZeros(reading.intersection);
    String names = voting(reading, ~0);
    return new DistrictMatch(
        codes[district],
        evidence(reading, ~0),
        reading.field.chinese
            + "中的"
            + names
            + "属"
            + districtNames[district]
            + " ("
            + reading.field.english
            + " names "
            + plain(reading, ~0)
            + " in "
            + districtNames[district]
            + ")");
  }

  private DistrictMatch overruled(Reading address) {
    int district = Integer.numberOfTrailingZeros(address.namedIntersection);
    var named = new StringJoiner("、");
    var namedPlain = new StringJoiner(", ");
    var others = new StringJoiner("，");
    var othersPlain = new StringJoiner(", ");
    for (int i = 0; i < address.count; i++) {
      int phrase = address.phrases[i];
      int districts = districtsOf[phrase];
      if (districts == 0) {
        continue;
      }
      if (kindOf[phrase] == DISTRICT_NAME) {
        named.add(matcher.phrase(phrase));
        namedPlain.add(matcher.phrase(phrase));
      } else if ((districts & address.namedIntersection) == 0) {
        others.add("属" + list(districts, "、") + "的「" + matcher.phrase(phrase) + "」");
        othersPlain.add(matcher.phrase(phrase) + " in " + list(districts, " or "));
      }
    }
    return new DistrictMatch(
        codes[district],
        named.toString(),
        "地址写明「"
            + named
            + "」，以区县名为准，不采用"
            + others
            + " (the address states "
            + namedPlain
            + ", which outranks "
            + othersPlain
            + ")");
  }

  private DistrictMatch settledByText(Reading address, int candidates, Reading text, int cue) {
    int district = Integer.numberOfTrailingZeros(cue);
    var cues = new StringJoiner("、");
    for (int i = 0; i < text.count; i++) {
      if (single(districtsOf[text.phrases[i]] & candidates)) {
        cues.add(matcher.phrase(text.phrases[i]));
      }
    }
    String why =
        address.intersection != 0 ? list(candidates, "、") + "都有" : "分属" + list(candidates, "、");
    return new DistrictMatch(
        codes[district],
        evidence(address, ~0) + "、" + cues,
        "地址中的"
            + voting(address, ~0)
            + why
            + "，诉求内容中的「"
            + cues
            + "」表明属"
            + districtNames[district]
            + " (address names "
            + plain(address, ~0)
            + ", found in "
            + list(candidates, " and ")
            + "; the text's "
            + cues.toString().replace("、", ", ")
            + " settles it for "
            + districtNames[district]
            + ")");
  }

  private DistrictMatch undecided(Reading reading) {
    String where = reading.field.chinese + "中";
    if (reading.intersection != 0) {
      return new DistrictMatch(
          null,
          evidence(reading, ~0),
          where
              + "的"
              + voting(reading, ~0)
              + "在"
              + list(reading.intersection, "、")
              + "都有，没有其他线索，无法确定区县 ("
              + reading.field.english
              + " names "
              + plain(reading, ~0)
              + ", found in "
              + list(reading.intersection, " and ")
              + "; nothing else decides)");
    }
    var chinese = new StringJoiner("，");
    var english = new StringJoiner(", ");
    for (int i = 0; i < reading.count; i++) {
      int districts = districtsOf[reading.phrases[i]];
      if (districts != 0) {
        String name = matcher.phrase(reading.phrases[i]);
        chinese.add(
            "「"
                + name
                + (single(districts) ? "」属" : "」在")
                + list(districts, "、")
                + (single(districts) ? "" : "都有"));
        english.add(name + " in " + list(districts, " or "));
      }
    }
    return new DistrictMatch(
        null,
        evidence(reading, ~0),
        where
            + chinese
            + "，相互矛盾，无法确定区县 ("
            + reading.field.english
            + " names places in different districts: "
            + english
            + "; nothing decides)");
  }

  private DistrictMatch outsideOrNothing(Reading address, Reading text) {
    var outside = new StringJoiner("、");
    for (Reading reading : new Reading[] {address, text}) {
      for (int i = 0; i < reading.count; i++) {
        if (kindOf[reading.phrases[i]] == ELSEWHERE) {
          outside.add(matcher.phrase(reading.phrases[i]));
        }
      }
    }
    if (outside.length() > 0) {
      return new DistrictMatch(
          null,
          outside.toString(),
          "「"
              + outside
              + "」不在西宁市各区县内，无法确定区县 ("
              + outside.toString().replace("、", ", ")
              + " lies outside Xining's districts)");
    }
    return new DistrictMatch(
        null,
        "",
        "地址和诉求内容中没有西宁市区县的地名 (neither address nor text names a place in a Xining" + " district)");
  }

  /** The field's voting names as 「A」「B」. */
  private String voting(Reading reading, int within) {
    var joined = new StringBuilder();
    for (int i = 0; i < reading.count; i++) {
      if ((districtsOf[reading.phrases[i]] & within) != 0) {
        joined.append('「').append(matcher.phrase(reading.phrases[i])).append('」');
      }
    }
    return joined.toString();
  }

  private String plain(Reading reading, int within) {
    return evidence(reading, within).replace("、", ", ");
  }

  private String evidence(Reading reading, int within) {
    var joined = new StringJoiner("、");
    for (int i = 0; i < reading.count; i++) {
      if ((districtsOf[reading.phrases[i]] & within) != 0) {
        joined.add(matcher.phrase(reading.phrases[i]));
      }
    }
    return joined.toString();
  }

  private String list(int districts, String separator) {
    var joined = new StringJoiner(separator);
    for (int i = 0; i < codes.length; i++) {
      if ((districts & (1 << i)) != 0) {
        joined.add(districtNames[i]);
      }
    }
    return joined.toString();
  }
}

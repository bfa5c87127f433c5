package cn.gov.xining.hotline.reporting.hottopics;

import cn.gov.xining.hotline.reporting.hottopics.Words.Kind;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 主要内容: what a hot topic's appeals are mainly about, the "拖欠工资" of the bulletin's "主要反映拖欠工资问题",
 * taken from the appeals' own words.
 *
 * <p>{@link #phrasesOf} segments one appeal with HanLP and keeps the phrases of two or three words
 * that say what is wrong: a verb and its object (拖欠/v 工资/n), a noun and what it does or fails to do
 * (暖气/n 不热, 噪音/n 扰民/v), a verb and the word that qualifies it (违法/vn 停车/vi). Places, people,
 * organisations, times and words any appeal uses (反映, 问题, 解决, 市民...) end a phrase; what the caller
 * asks for (诉求, 希望, 请...) is left out unless it names a 问题. {@link #choose} takes the phrase most
 * appeals offered.
 */
public final class MainContent {

  /** Phrases kept per appeal, the first ones: appeals state what is wrong first. */
  static final int MAX_PHRASES = 6;

  /** Characters read per appeal; an appeal states its problem long before this. */
  static final int MAX_CHARS_READ = 1_000;

  /** One appeal's wording is not a main content. */
  static final long MIN_APPEALS = 2;

  private static final Pattern SENTENCE_END = Pattern.compile("[。！？；!?;\\r\\n]+");

  private static final Comparator<Map.Entry<String, Long>> MOST_OFFERED_SHORTEST_FIRST =
      Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
          .reversed()
          .thenComparingInt(offered -> offered.getKey().length())
          .thenComparing(Map.Entry::getKey);

  private MainContent() {}

  /**
   * The phrases one appeal's text offers, each once, at most {@value #MAX_PHRASES}, in the order
   * they appear, e.g. {@code [拖欠工资]}: each of two or three words, three to eight characters. Reads
   * the first {@value #MAX_CHARS_READ} characters only.
   *
   * @return an empty list for a null or blank text or one with no phrase
   */
  public static List<String> phrasesOf(String content) {
    if (content == null || content.isBlank()) {
      return List.of();
    }
    String text =
        content.length() > MAX_CHARS_READ ? content.substring(0, MAX_CHARS_READ) : content;
    Set<String> phrases = new LinkedHashSet<>();
    for (String sentence : SENTENCE_END.split(text)) {
      if (phrases.size() >= MAX_PHRASES) {
        break;
      }
      if (!sentence.isBlank()) {
        collect(Words.segment(sentence), phrases);
      }
    }
    return phrases.stream().limit(MAX_PHRASES).toList();
  }

  /**
   * The main content a manager would write for a topic, from each phrase and the number of the
   * topic's appeals that offered it: the phrase offered by most appeals, at least {@value
   * #MIN_APPEALS}. Ties go to the shorter phrase, then to the first in {@link String#compareTo}
   * order. A phrase inside a longer one (违法停车 in 车辆违法停车) is offered by every appeal that offers the
   * longer one, so it wins: the longer one's extra word is the subject, which the bulletin leaves
   * out.
   *
   * @return the phrase without "主要反映" and "问题" (it never ends in 问题), or null when no phrase was
   *     offered by two appeals
   */
  public static String choose(Map<String, Long> phraseCounts) {
    return choose(phraseCounts, Long.MAX_VALUE, "");
  }

  /**
   * As {@link #choose(Map)}, for a topic of {@code appeals} appeals named {@code topicName}: a
   * topic of a single appeal takes a phrase of that appeal; among phrases offered equally often,
   * the one that shares more characters with the topic's name (拖欠工资 for 工资纠纷 rather than the 工地务工
   * the caller also mentions) comes before the shorter one.
   */
  public static String choose(Map<String, Long> phraseCounts, long appeals, String topicName) {
    long minimum = Math.max(1, Math.min(MIN_APPEALS, appeals));
    Comparator<Map.Entry<String, Long>> onTopicFirst =
        Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
            .reversed()
            .thenComparing(
                offered -> sharedCharacters(offered.getKey(), topicName), Comparator.reverseOrder())
            .thenComparing(MOST_OFFERED_SHORTEST_FIRST);
    return phraseCounts.entrySet().stream()
        .filter(offered -> offered.getKey() != null && !offered.getKey().isBlank())
        .filter(offered -> Objects.requireNonNullElse(offered.getValue(), 0L) >= minimum)
        .min(onTopicFirst)
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** How many of the phrase's characters occur in the name (each distinct character once). */
  private static int sharedCharacters(String phrase, String name) {
    return (int)
        phrase.chars().distinct().filter(c -> name != null && name.indexOf(c) >= 0).count();
  }

  /**
   * One word of a phrase, with the 不 or 乱 glued before it; {@code adjacent} when no skipped word
   * (的, 了, an adverb) stands between it and the word before.
   */
  private record Unit(String text, Kind kind, boolean glued, boolean adjacent) {

    boolean single() {
      return text.length() == 1;
    }

    boolean noun() {
      return kind == Kind.NOUN || kind == Kind.VERBAL_NOUN || kind == Kind.UNKNOWN;
    }

    boolean verb() {
      return kind == Kind.VERB || kind == Kind.VERBAL_NOUN || kind == Kind.UNKNOWN;
    }

    boolean predicate() {
      return verb() || kind == Kind.ADJECTIVE;
    }
  }

  /**
   * Whether two neighbouring words make a phrase: a verb and its object (拖欠工资, 欠工资), a noun and its
   * predicate (暖气不热, 信号灯坏), a qualified verb (违法停车) or two glued predicates (乱停乱放). Two nouns do
   * not (供热公司 says who, not what is wrong), nor do one-character words except a verb right before
   * its object (烧塑料) or an adjective after its subject.
   */
  private static boolean fits(Unit x, Unit y) {
    if (x.glued() && y.glued()) {
      return true;
    }
    boolean verbObject =
        x.verb()
            && (y.kind() == Kind.NOUN || y.kind() == Kind.UNKNOWN)
            && !y.single()
            && (!x.single() || y.adjacent());
    boolean subjectPredicate =
        x.noun() && !x.single() && y.predicate() && (!y.single() || y.kind() == Kind.ADJECTIVE);
    return verbObject || subjectPredicate || qualifies(x, y);
  }

  /** 违法/vn 停车, 虚假/a 宣传: the first word says how the second is done. */
  private static boolean qualifies(Unit x, Unit y) {
    boolean qualifier =
        x.kind() == Kind.ADJECTIVE || x.kind() == Kind.VERBAL_NOUN || x.kind() == Kind.UNKNOWN;
    return qualifier && !x.single() && !x.glued() && y.verb() && !y.single();
  }

  /** 乱倒/v 建筑/n 垃圾/n: the object is two nouns (but not in 烧塑料的味道). */
  private static boolean compoundObject(Unit x, Unit y, Unit z) {
    return fits(x, y)
        && x.verb()
        && y.kind() == Kind.NOUN
        && z.kind() == Kind.NOUN
        && z.adjacent()
        && !z.single();
  }

  /** Splits a sentence into runs of words that no break separates and offers their phrases. */
  private static void collect(List<Term> terms, Set<String> phrases) {
    List<Unit> run = new ArrayList<>();
    String modifier = "";
    boolean requesting = false;
    boolean counted = false;
    boolean adjacent = true;
    for (Term term : terms) {
      Kind kind = Words.kindOf(term);
      String word = term.word;
      if (kind == Kind.NOUN && counted) {
        if (word.length() == 1) {
          kind = Kind.SKIP; // 两个月的工资: the 月 measures
        } else if (word.length() > 2 && "年月天周".indexOf(word.charAt(0)) >= 0) {
          word = word.substring(1); // 两个月工资 comes as 两/m 个/q 月工资/n
        }
      }
      counted = term.nature != null && (term.nature.startsWith('m') || term.nature.startsWith('q'));
      switch (kind) {
        case REQUEST -> {
          offer(run, requesting, phrases);
          run.clear();
          modifier = "";
          requesting = true;
        }
        case BREAK -> {
          // 诉求解决拖欠工资问题: in a request, only what it calls a 问题 is the problem
          offer(run, requesting && !Words.isProblemMarker(term), phrases);
          run.clear();
          modifier = "";
        }
        case SKIP -> adjacent = false;
        case MODIFIER -> modifier += word;
        case NOUN -> {
          if (Words.LACKING.contains(modifier)) {
            run.add(new Unit(modifier, Kind.VERB, false, adjacent)); // 没有暖气
          }
          run.add(new Unit(word, kind, false, adjacent));
          modifier = "";
        }
        default -> {
          run.add(new Unit(modifier + word, kind, !modifier.isEmpty(), adjacent));
          modifier = "";
        }
      }
      if (kind != Kind.SKIP && kind != Kind.MODIFIER) {
        adjacent = true;
      }
    }
    offer(run, requesting, phrases);
  }

  private static void offer(List<Unit> run, boolean requested, Set<String> phrases) {
    if (requested) {
      return;
    }
    for (int i = 0; i + 1 < run.size(); i++) {
      Unit x = run.get(i);
      Unit y = run.get(i + 1);
      Unit z = i + 2 < run.size() ? run.get(i + 2) : null;
      // 车辆违法停车 offers 违法停车 and 车辆违法停车, not 车辆违法; 乱倒建筑垃圾 not 乱倒建筑
      boolean partOfNext = z != null && (qualifies(y, z) || compoundObject(x, y, z));
      if (fits(x, y) && !partOfNext) {
        add(x.text() + y.text(), phrases);
      }
    }
    for (int i = 0; i + 2 < run.size(); i++) {
      Unit x = run.get(i);
      Unit y = run.get(i + 1);
      Unit z = run.get(i + 2);
      if (fits(x, y) && fits(y, z) || compoundObject(x, y, z)) {
        add(x.text() + y.text() + z.text(), phrases);
      }
    }
  }

  private static void add(String phrase, Set<String> phrases) {
    if (phrase.length() >= 3 && phrase.length() <= 8) {
      phrases.add(phrase);
    }
  }
}

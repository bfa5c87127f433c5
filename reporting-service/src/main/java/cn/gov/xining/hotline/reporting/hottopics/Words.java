package cn.gov.xining.hotline.reporting.hottopics;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The words of an appeal as HanLP segments and tags them (PKU tags: {@code n} noun, {@code v} verb,
 * {@code vn} verbal noun, {@code a} adjective, {@code ns} place, {@code m} numeral...), and what
 * each word does to a phrase.
 */
final class Words {

  /** What a word does to the phrase being built. */
  enum Kind {
    /** Ends the phrase: punctuation, places, organisations, times, prepositions, generic words. */
    BREAK,
    /** Left out without ending the phrase: adverbs, pronouns, numbers, 的, roles (老板, 交警). */
    SKIP,
    /** Glued to the next verb or adjective: 不, 没, 未, 乱 (暖气不热, 乱停乱放). */
    MODIFIER,
    /** What follows is what the caller asks for (诉求, 希望), not what is wrong. */
    REQUEST,
    NOUN,
    VERB,
    ADJECTIVE,
    /** 违法/vn, 供暖/vn: a noun, a verb or a modifier. */
    VERBAL_NOUN,
    /** A word the dictionary does not know (直排/nz, 满溢/nz): a noun, a verb or a modifier. */
    UNKNOWN
  }

  /**
   * Loaded on first use, once (class initialisation is thread-safe). HanLP's portable jar reads its
   * dictionaries from the classpath and writes no caches; a segmenter keeps no state between calls,
   * so the Streams threads share it. Person names are not recognised: on the small dictionary the
   * recogniser took ordinary words for names (都堆, 池满), and appeals name people as 张某 anyway.
   */
  private static final class Segmenter {
    static final Segment SEGMENT =
        HanLP.newSegment().enableNameRecognize(false).enablePlaceRecognize(true);
  }

  /**
   * The bulletins' wording for colloquial words, so that 违停 and 违法停车 count as one phrase: 违章 is the
   * wording traffic law dropped for 违法 in 2004; 欠 is 拖欠 unless it is a debt (欠费, 欠款).
   */
  private static final Map<String, String> STANDARD_WORDING =
      Map.of("违停", "违法停车", "违章", "违法", "欠薪", "拖欠工资", "欠", "拖欠", "工钱", "工资", "暖气片", "暖气");

  private static final Pattern COLLOQUIAL = Pattern.compile("违停|违章|欠薪|(?<!拖)欠(?![费款条债])|工钱|暖气片");

  private static final Set<String> MODIFIERS = Set.of("不", "没", "没有", "未", "无", "乱");

  /** A modifier before a noun is a verb of its own: 没有暖气, 无通知. */
  static final Set<String> LACKING = Set.of("没", "没有", "无");

  private static final Set<String> REQUESTS =
      Set.of("诉求", "诉", "希望", "请求", "要求", "恳请", "请", "望", "建议", "盼", "麻烦");

  /** Words any appeal may use, whatever it is about: they say nothing about the problem. */
  private static final Set<String> GENERIC =
      Set.of(
          "问题", "情况", "反映", "市民", "来电", "来信", "来电人", "来信人", "人称", "人", "称", "说", "表示", "认为", "帮助",
          "帮忙", "解决", "处理", "相关", "有关", "部门", "相关部门", "领导", "政府", "尊敬", "您好", "你好", "本人", "知道",
          "了解", "咨询", "询问", "请问", "联系", "找", "打", "问", "给", "让", "到", "来", "去", "走", "想", "会", "能",
          "可以", "需要", "进行", "开始", "发生", "出现", "存在", "造成", "导致", "感觉", "发现", "多次", "现在", "事情", "原因",
          "结果", "地方", "现象", "电话", "号码", "随手", "拍", "照片", "视频", "如图", "网友", "留言", "关注", "督促", "督办",
          "核实", "协调", "落实", "管", "管理", "说法", "一家", "个人", "我家", "有人", "住", "住在", "居住", "位于", "买",
          "上班", "干", "做", "在", "担心", "影响", "主要", "一下", "东西", "时候", "只能", "无法", "能否", "应该", "必须",
          "不能", "可能", "就是", "还有", "来自", "属于", "成", "小时", "到底", "为由", "没人", "无人", "举报", "投诉", "反馈",
          "回复", "告知", "共计", "合计", "一共", "累计", "总计", "多");

  private Words() {}

  static List<Term> segment(String sentence) {
    return Segmenter.SEGMENT.seg(COLLOQUIAL.matcher(sentence).replaceAll(Words::standard));
  }

  private static String standard(MatchResult colloquial) {
    return STANDARD_WORDING.get(colloquial.group());
  }

  static boolean isProblemMarker(Term term) {
    return term.word.equals("问题");
  }

  static Kind kindOf(Term term) {
    String word = term.word;
    String tag = term.nature == null ? "" : term.nature.toString();
    if (REQUESTS.contains(word)) {
      return Kind.REQUEST;
    }
    if (MODIFIERS.contains(word)) {
      return Kind.MODIFIER;
    }
    if (GENERIC.contains(word)
        || word.contains("某")
        || word.startsWith("得")
        || word.endsWith("得")) {
      return Kind.BREAK; // 张某; 冷得, 冻得: the small dictionary's V得 pieces
    }
    if (tag.equals("nnt") || tag.equals("nnd") || tag.equals("b") || tag.equals("vf")) {
      return Kind.SKIP; // roles (老板, 交警), attributives (废旧, 消防), directions (来, 起)
    }
    if (tag.equals("vn")) {
      return Kind.VERBAL_NOUN;
    }
    if (tag.equals("nz")) {
      return Kind.UNKNOWN;
    }
    if (tag.startsWith("nr")
        || tag.startsWith("ns")
        || tag.startsWith("nt")
        || tag.equals("nis")
        || tag.equals("nx")
        || tag.equals("ng")) {
      return Kind.BREAK; // who and where, not what
    }
    if (tag.startsWith("n")) {
      return Kind.NOUN;
    }
    if (tag.equals("vshi") || tag.equals("vyou")) {
      return Kind.BREAK; // 是, 有
    }
    if (tag.startsWith("v")) {
      return Kind.VERB;
    }
    if (tag.equals("a") || tag.equals("an") || tag.equals("al")) {
      return Kind.ADJECTIVE;
    }
    if (tag.startsWith("d")
        || tag.equals("ad")
        || tag.startsWith("r")
        || tag.startsWith("m")
        || tag.startsWith("q")
        || tag.equals("ule")
        || tag.equals("uzhe")
        || tag.equals("uguo")
        || tag.equals("ude1")
        || tag.equals("ude2")
        || tag.equals("y")
        || tag.equals("e")) {
      return Kind.SKIP; // 一直, 其, 两个月, 的: 拖欠其两个月的工资 is still 拖欠工资
    }
    return Kind.BREAK;
  }
}

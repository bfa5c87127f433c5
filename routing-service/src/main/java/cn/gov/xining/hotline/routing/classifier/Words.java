package cn.gov.xining.hotline.routing.classifier;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the topic model reads in an appeal: its words as HanLP segments them (the standard Viterbi
 * segmenter on the core dictionary the jar carries), the pairs of neighbouring words (不/d 热/a, 拖欠/v
 * 工资/n), and the pairs of neighbouring characters, which still carry a word the dictionary does not
 * know (工钱, 冰凉).
 *
 * <p>Left out, because they say where and who rather than what is wrong: places, people's and
 * organisations' names, numbers, measures, times, punctuation, and the particles and pronouns every
 * appeal has.
 */
final class Words {

  private static final Segment SEGMENT =
      HanLP.newSegment()
          .enablePlaceRecognize(true)
          .enableOrganizationRecognize(false)
          .enableNameRecognize(false);

  /** Parts of speech (PKU tags, first letter or whole) that carry no topic. */
  private static final Set<String> NO_TOPIC =
      Set.of(
          "w", "m", "q", "t", "ns", "nr", "nt", "r", "u", "y", "e", "o", "x", "xx", "xu", "mq", "c",
          "p");

  private static final Set<String> STOP =
      Set.of(
          "来电", "来电人", "市民", "反映", "诉求", "希望", "要求", "请求", "问题", "情况", "有关部门", "相关部门", "部门", "领导",
          "您好", "你好", "尊敬", "目前", "现在", "一直", "已经", "多次", "没有", "是否", "什么", "怎么", "这个", "那个", "一个",
          "我们", "他们", "你们", "自己", "某", "称", "说", "有", "是", "在", "了", "的", "着", "过", "和", "与", "及",
          "也", "都", "就", "还", "又", "很");

  private Words() {}

  /** The words of a text that may say what it is about, in order. */
  static List<String> of(String text) {
    var words = new ArrayList<String>();
    if (text == null || text.isBlank()) {
      return words;
    }
    String read = text.length() > 2_000 ? text.substring(0, 2_000) : text;
    // The Viterbi segment keeps no state between calls: the stream threads share it.
    for (Term term : SEGMENT.seg(read)) {
      String nature = term.nature == null ? "x" : term.nature.toString();
      if (NO_TOPIC.contains(nature)
          || NO_TOPIC.contains(nature.substring(0, 1))
          || STOP.contains(term.word)
          || !hasHan(term.word)) {
        continue;
      }
      words.add(term.word);
    }
    return words;
  }

  private static boolean hasHan(String word) {
    return word.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}

package cn.gov.xining.hotline.intake.repeats;

import java.util.HashSet;
import java.util.Set;

/**
 * How much two appeals say the same thing, from their characters: the share of the shorter appeal's
 * telling characters that the other uses too. Characters rather than words, because citizens name
 * one burst pipe 爆管, 水管爆裂 and 管道破了: words differ where characters (管, 爆, 破, 水) still meet. What
 * every appeal says (来电人反映, 请问, 希望尽快解决) and the place itself, which is compared on its own, tell
 * nothing and are left out.
 */
final class AppealWords {

  /** Phrases of the operator's summary and of politeness, removed before counting. */
  private static final String[] SAYS_NOTHING = {
    "来电人", "来电", "反映", "市民", "群众", "诉求", "请问", "您好", "你好", "希望", "要求", "尽快", "及时", "相关部门", "有关部门",
    "部门", "处理", "解决", "协调", "问题", "情况", "现在", "目前", "已经", "一直", "什么时候", "为什么", "怎么", "能不能", "可以",
    "没有", "不能", "谢谢", "麻烦", "帮忙", "帮助", "核实", "答复", "回复", "管管"
  };

  /** Characters too common to tell two problems apart. */
  private static final String COMMON =
      "的了是在我有不人这个们来电反映市民请问希望尽快处理解决一也都就和与及或而被把让给对到从向于很太还又再才已没能会要想说"
          + "问题情况号楼单元室区县市路街小号前后里外上下中大多少时天月年日周次些那该其他她它您你好吗呢吧啊呀么";

  private AppealWords() {}

  /** Between 0 (nothing in common) and 1 (the shorter appeal's characters all in the other). */
  static double similarity(String one, String other, Set<String> placeNames) {
    var a = telling(one, placeNames);
    var b = telling(other, placeNames);
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    var smaller = a.size() <= b.size() ? a : b;
    var larger = smaller == a ? b : a;
    long shared = smaller.stream().filter(larger::contains).count();
    return (double) shared / smaller.size();
  }

  static Set<Integer> telling(String text, Set<String> placeNames) {
    String rest = text == null ? "" : text;
    for (String name : placeNames) {
      rest = rest.replace(name, " ");
    }
    for (String phrase : SAYS_NOTHING) {
      rest = rest.replace(phrase, " ");
    }
    var characters = new HashSet<Integer>();
    rest.codePoints()
        .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
        .filter(c -> COMMON.indexOf(c) < 0)
        .forEach(characters::add);
    return characters;
  }
}

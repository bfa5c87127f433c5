package cn.gov.xining.hotline.intake.masking;

import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the personal numbers a citizen says in free text — phone numbers, 18-digit resident ID
 * numbers (居民身份证号), bank card numbers — before a ticket is stored or published: the appeal's words
 * reach every unit on the case, the reports and Open311's public reads, and Kafka keeps them for
 * years. The caller's own number stays in {@code callerPhone}, encrypted by {@code callers}.
 *
 * <p>Digits alone would also catch order numbers and amounts, so an ID number is masked only when
 * its check digit (GB 11643, ISO 7064 MOD 11-2) holds and a card number only when its Luhn digit
 * does; phone numbers by their shape (a mobile number 1[3-9] and 11 digits, a landline with its
 * 0-prefixed area code). The two check digits are a few lines each and written here rather than
 * adding a library for them.
 */
public final class PersonalNumbers {

  // Digits not glued to other digits (letters before them are a label: Tel, ID, NO); separators
  // as people write them. Full-width forms are made ASCII first (see normalised).
  private static final Pattern ID_CARD =
      Pattern.compile("(?<![0-9])[1-9]\\d{5}(?:18|19|20)\\d{2}\\d{4}\\d{3}[0-9Xx](?![0-9])");
  private static final Pattern BANK_CARD =
      Pattern.compile("(?<![0-9])\\d{4}(?:[ -]?\\d{4}){2,3}(?:[ -]?\\d{1,3})?(?![0-9])");
  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9])(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![0-9])");
  private static final Pattern LANDLINE =
      Pattern.compile("(?<![0-9])\\(?0\\d{2,3}\\)?[ -]?\\d{7,8}(?![0-9])");

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private PersonalNumbers() {}

  /** The text with every personal number masked, the rest unchanged; null stays null. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked =
        replace(normalised(text), ID_CARD, PersonalNumbers::validIdCard, digits -> 6, 4);
    masked = replace(masked, BANK_CARD, PersonalNumbers::validCardNumber, digits -> 4, 4);
    // A phone number's last digits stay, and what comes before its middle four: the country
    // code and the carrier's prefix of a mobile, the area code of a landline.
    masked = replace(masked, MOBILE, number -> true, digits -> digits - 8, 4);
    return replace(masked, LANDLINE, number -> true, digits -> digits - 7, 3);
  }

  /** Whether the text still holds a number {@link #mask} would mask. */
  public static boolean holdsAny(String text) {
    return text != null && !mask(text).equals(normalised(text));
  }

  /**
   * Full-width digits, letters X, brackets, plus and hyphen (what Chinese input methods type) as
   * their ASCII forms, and the ideographic space as a space: the same number either way.
   */
  static String normalised(String text) {
    var out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= '０' && c <= '９') {
        out.append((char) ('0' + (c - '０')));
      } else if (c == 'Ｘ' || c == 'ｘ') {
        out.append(c == 'Ｘ' ? 'X' : 'x');
      } else if (c == '（' || c == '）' || c == '＋' || c == '－') {
        out.append((char) (c - 0xFEE0));
      } else if (c == '　') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Replaces each match that passes the check, keeping its first and last digits and its
   * separators, every other digit a {@code *}.
   */
  private static String replace(
      String text,
      Pattern pattern,
      Predicate<String> check,
      IntUnaryOperator keepFirst,
      int keepLast) {
    Matcher matcher = pattern.matcher(text);
    var out = new StringBuilder();
    while (matcher.find()) {
      String found = matcher.group();
      String digits = found.replaceAll("[^0-9Xx]", "");
      matcher.appendReplacement(
          out,
          Matcher.quoteReplacement(
              check.test(digits)
                  ? hide(found, digits.length(), keepFirst.applyAsInt(digits.length()), keepLast)
                  : found));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String hide(String found, int digits, int keepFirst, int keepLast) {
    var hidden = new StringBuilder(found.length());
    int seen = 0;
    for (char c : found.toCharArray()) {
      boolean digit = Character.isDigit(c) || c == 'X' || c == 'x';
      if (digit) {
        seen++;
        hidden.append(seen <= keepFirst || seen > digits - keepLast ? c : '*');
      } else {
        hidden.append(c);
      }
    }
    return hidden.toString();
  }

  /** GB 11643: the 18th character is the MOD 11-2 check of the first 17 digits. */
  static boolean validIdCard(String number) {
    if (number.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return Character.toUpperCase(number.charAt(17)) == ID_CHECK.charAt(sum % 11);
  }

  /** Luhn, on the 16 to 19 digits of a UnionPay or international card. */
  static boolean validCardNumber(String digits) {
    if (digits.length() < 16
        || digits.length() > 19
        || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}

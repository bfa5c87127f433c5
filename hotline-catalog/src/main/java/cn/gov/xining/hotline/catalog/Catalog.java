package cn.gov.xining.hotline.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog as loaded. Lookups are by code; a missing code yields an empty Optional so callers
 * decide whether that is an input error (intake) or a triage case (routing).
 */
public record Catalog(
    City city,
    List<Channel> channels,
    List<District> districts,
    List<Unit> departments,
    List<Topic> topics) {

  /** Stands for "the government of the district the appeal is located in" (属地). */
  public static final String DISTRICT_TARGET = "district";

  /** The unit code of the hotline itself, for direct handling (直接办理). */
  public static final String HOTLINE_UNIT = "hotline";

  public Catalog {
    channels = List.copyOf(channels);
    districts = List.copyOf(districts);
    departments = List.copyOf(departments);
    topics = List.copyOf(topics);
  }

  public record City(String code, String name, String timezone) {}

  public record Channel(String code, String name) {}

  public record District(
      String code, String name, @JsonProperty("short") String shortName, List<String> places) {
    public District {
      places = places == null ? List.of() : List.copyOf(places);
    }

    /** The name people use: 大通县 rather than 大通回族土族自治县. */
    public String commonName() {
      return shortName != null ? shortName : name;
    }
  }

  /** 责任单位: a department or a district government that tickets can be assigned to. */
  public record Unit(String code, String name) {}

  /** 办理时限: hours of wall-clock time, or working days on the Chinese calendar. */
  public record TimeLimit(Integer hours, Integer workingDays) {}

  /**
   * 诉求分类 and where it goes.
   *
   * @param primary lead unit code, or {@link #DISTRICT_TARGET}
   * @param assist co-handling unit codes, each possibly {@link #DISTRICT_TARGET}
   */
  public record Topic(
      String code,
      String name,
      String about,
      String primary,
      List<String> assist,
      TimeLimit limit) {
    public Topic {
      assist = assist == null ? List.of() : List.copyOf(assist);
    }

    /** Whether placing this topic needs to know the district. */
    public boolean needsDistrict() {
      return DISTRICT_TARGET.equals(primary) || assist.contains(DISTRICT_TARGET);
    }

    /** Whether the hotline answers this topic itself. */
    public boolean handledByHotline() {
      return HOTLINE_UNIT.equals(primary);
    }
  }

  public Optional<Channel> channel(String code) {
    return channels.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public Optional<District> district(String code) {
    return districts.stream().filter(d -> d.code().equals(code)).findFirst();
  }

  public Optional<Topic> topic(String code) {
    return topics.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  public Optional<Unit> unit(String code) {
    return departments.stream().filter(u -> u.code().equals(code)).findFirst();
  }

  /** The government unit of a district: {@code gov-630102} for 城东区. */
  public static String districtGovernment(String districtCode) {
    return "gov-" + districtCode;
  }

  /**
   * Resolves a topic target to a unit code: {@link #DISTRICT_TARGET} becomes that district's
   * government, anything else is already a unit code.
   */
  public static String resolveTarget(String target, String districtCode) {
    return DISTRICT_TARGET.equals(target) ? districtGovernment(districtCode) : target;
  }

  /** Every unit that can receive assignments; the hotline itself handles directly instead. */
  public List<Unit> assignableUnits() {
    return departments.stream().filter(u -> !HOTLINE_UNIT.equals(u.code())).toList();
  }

  public Map<String, String> channelNames() {
    return names(channels, Channel::code, Channel::name);
  }

  public Map<String, String> topicNames() {
    return names(topics, Topic::code, Topic::name);
  }

  public Map<String, String> unitNames() {
    return names(departments, Unit::code, Unit::name);
  }

  public Map<String, String> districtNames() {
    return names(districts, District::code, District::commonName);
  }

  /**
   * Problems that make the catalog unusable: a topic that names an unknown unit, a district without
   * a government unit, a duplicated code. Empty when the catalog is consistent.
   */
  public List<String> inconsistencies() {
    var problems = new ArrayList<String>();
    duplicates(channels.stream().map(Channel::code).toList(), "channel", problems);
    duplicates(districts.stream().map(District::code).toList(), "district", problems);
    duplicates(departments.stream().map(Unit::code).toList(), "department", problems);
    duplicates(topics.stream().map(Topic::code).toList(), "topic", problems);
    for (var district : districts) {
      if (unit(districtGovernment(district.code())).isEmpty()) {
        problems.add(
            "district " + district.code() + " has no unit " + districtGovernment(district.code()));
      }
    }
    for (var topic : topics) {
      var targets = new ArrayList<>(topic.assist());
      targets.add(topic.primary());
      for (var target : targets) {
        if (!DISTRICT_TARGET.equals(target) && unit(target).isEmpty()) {
          problems.add("topic " + topic.code() + " names unknown unit " + target);
        }
      }
      if (topic.limit() == null
          || (topic.limit().hours() == null) == (topic.limit().workingDays() == null)) {
        problems.add(
            "topic " + topic.code() + " needs exactly one of limit.hours or limit.workingDays");
      }
    }
    return problems;
  }

  private static void duplicates(List<String> codes, String what, List<String> problems) {
    codes.stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
        .forEach(
            (code, count) -> {
              if (count > 1) {
                problems.add(what + " code " + code + " appears " + count + " times");
              }
            });
  }

  private static <T> Map<String, String> names(
      List<T> items, Function<T, String> code, Function<T, String> name) {
    return items.stream()
        .collect(Collectors.toMap(code, name, (a, b) -> a, java.util.LinkedHashMap::new));
  }
}

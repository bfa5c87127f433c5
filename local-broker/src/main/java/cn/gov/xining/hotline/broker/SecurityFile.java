package cn.gov.xining.hotline.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code deploy/kafka-security.yaml} as written: principals with their ACLs, the topics, and a
 * per-unit template repeated for every unit code with {@code <code>} replaced by it.
 */
record SecurityFile(List<PrincipalEntry> principals, List<TopicEntry> topics, Units units) {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          // A misspelt key would otherwise drop an ACL without a word.
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // An absent super-user is false.
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private static final String CODE = "<code>";

  SecurityFile {
    principals = principals == null ? List.of() : List.copyOf(principals);
    topics = topics == null ? List.of() : List.copyOf(topics);
    units = units == null ? new Units(null, null, null) : units;
  }

  /**
   * One principal. A unit template may name a principal declared above without a password: its ACLs
   * are added to that principal's.
   */
  record PrincipalEntry(String name, String password, boolean superUser, List<AclEntry> acls) {
    PrincipalEntry {
      acls = acls == null ? List.of() : List.copyOf(acls);
    }

    PrincipalEntry forUnit(String code) {
      return new PrincipalEntry(
          fill(name, code),
          fill(password, code),
          superUser,
          acls.stream().map(acl -> acl.forUnit(code)).toList());
    }
  }

  /** One grant; the pattern is LITERAL unless it says PREFIXED. */
  record AclEntry(
      ResourceType resource, String name, PatternType pattern, List<AclOperation> operations) {
    AclEntry {
      pattern = pattern == null ? PatternType.LITERAL : pattern;
      operations = operations == null ? List.of() : List.copyOf(operations);
    }

    AclEntry forUnit(String code) {
      return new AclEntry(resource, fill(name, code), pattern, operations);
    }
  }

  /** The units' codes and what each of them gets: principals and the topics made for it. */
  record Units(List<String> codes, List<PrincipalEntry> principals, List<TopicEntry> topics) {
    Units {
      codes = codes == null ? List.of() : List.copyOf(codes);
      principals = principals == null ? List.of() : List.copyOf(principals);
      topics = topics == null ? List.of() : List.copyOf(topics);
    }
  }

  /**
   * A topic the broker's start-up creates if it is missing, with the broker's default partitions
   * and replication factor, and whose listed configs it keeps as written.
   */
  record TopicEntry(String name, Map<String, String> configs) {
    TopicEntry {
      configs = configs == null ? Map.of() : Map.copyOf(configs);
    }

    TopicEntry forUnit(String code) {
      return new TopicEntry(fill(name, code), configs);
    }
  }

  static SecurityFile read(Path path) {
    try {
      return YAML.readValue(Files.readString(path), SecurityFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The principals declared, then the unit template's for every unit, in the file's order. */
  List<PrincipalEntry> allPrincipals() {
    var all = new ArrayList<>(principals);
    for (String code : units.codes()) {
      units.principals().forEach(p -> all.add(p.forUnit(code)));
    }
    return all;
  }

  /** The topics declared, then the unit template's for every unit. */
  List<TopicEntry> allTopics() {
    var all = new ArrayList<>(topics);
    for (String code : units.codes()) {
      units.topics().forEach(t -> all.add(t.forUnit(code)));
    }
    return all;
  }

  private static String fill(String template, String code) {
    return template == null ? null : template.replace(CODE, code);
  }
}

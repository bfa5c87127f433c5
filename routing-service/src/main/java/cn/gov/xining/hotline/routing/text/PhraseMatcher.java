package cn.gov.xining.hotline.routing.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable Aho–Corasick automaton over a fixed dictionary of phrases. {@link #find} reports
 * every occurrence, overlapping ones included, in one pass over the text, so the cost does not grow
 * with the number of phrases. Thread-safe once built.
 */
public final class PhraseMatcher {

  /** One occurrence: the phrase's index in the dictionary and where it starts and ends. */
  public record Occurrence(int phrase, int start, int end) {
    public int length() {
      return end - start;
    }
  }

  private final List<String> phrases;
  // Node arrays: goto transitions per node, failure link, and the phrases ending at each node.
  private final List<Map<Character, Integer>> transitions = new ArrayList<>();
  private final List<Integer> failure = new ArrayList<>();
  private final List<int[]> outputs = new ArrayList<>();

  public PhraseMatcher(List<String> phrases) {
    this.phrases = List.copyOf(phrases);
    newNode();
    var endingHere = new HashMap<Integer, List<Integer>>();
    for (int i = 0; i < this.phrases.size(); i++) {
      String phrase = this.phrases.get(i);
      if (phrase.isEmpty()) {
        throw new IllegalArgumentException("empty phrase at index " + i);
      }
      int node = 0;
      for (char c : phrase.toCharArray()) {
        Integer next = transitions.get(node).get(c);
        if (next == null) {
          next = newNode();
          transitions.get(node).put(c, next);
        }
        node = next;
      }
      endingHere.computeIfAbsent(node, n -> new ArrayList<>()).add(i);
    }
    buildFailureLinks(endingHere);
  }

  /** Every occurrence of every phrase, ordered by where it ends. */
  public List<Occurrence> find(CharSequence text) {
    var found = new ArrayList<Occurrence>();
    int node = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Integer next;
      while ((next = transitions.get(node).get(c)) == null && node != 0) {
        node = failure.get(node);
      }
      node = next == null ? 0 : next;
      for (int phrase : outputs.get(node)) {
        found.add(new Occurrence(phrase, i + 1 - phrases.get(phrase).length(), i + 1));
      }
    }
    return found;
  }

  public String phrase(int index) {
    return phrases.get(index);
  }

  public int size() {
    return phrases.size();
  }

  private int newNode() {
    transitions.add(new LinkedHashMap<>());
    failure.add(0);
    outputs.add(new int[0]);
    return transitions.size() - 1;
  }

  private void buildFailureLinks(Map<Integer, List<Integer>> endingHere) {
    var queue = new ArrayDeque<Integer>();
    outputs.set(0, toArray(endingHere.getOrDefault(0, List.of())));
    for (int child : transitions.get(0).values()) {
      failure.set(child, 0);
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int node = queue.poll();
      var out = new ArrayList<>(endingHere.getOrDefault(node, List.of()));
      for (int inherited : outputs.get(failure.get(node))) {
        out.add(inherited);
      }
      outputs.set(node, toArray(out));
      for (var edge : transitions.get(node).entrySet()) {
        int child = edge.getValue();
        int fallback = failure.get(node);
        Integer target;
        while ((target = transitions.get(fallback).get(edge.getKey())) == null && fallback != 0) {
          fallback = failure.get(fallback);
        }
        failure.set(child, target == null || target == child ? 0 : target);
        queue.add(child);
      }
    }
  }

  private static int[] toArray(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}

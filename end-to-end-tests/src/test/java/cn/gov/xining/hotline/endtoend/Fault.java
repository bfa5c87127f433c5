package cn.gov.xining.hotline.endtoend;

/**
 * A fault of a fault suite: when it was done and when it was undone (the broker or service back).
 */
final class Fault {
  private final String name;
  private final long start;
  private long undone;

  Fault(String name, long start) {
    this.name = name;
    this.start = start;
  }

  String name() {
    return name;
  }

  long start() {
    return start;
  }

  void undone() {
    undone = System.currentTimeMillis();
  }

  double secondsToUndo() {
    return (undone - start) / 1000.0;
  }
}

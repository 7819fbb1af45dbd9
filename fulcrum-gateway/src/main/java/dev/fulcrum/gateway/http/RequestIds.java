package dev.fulcrum.gateway.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: {@code req_}, 12 hex digits of the epoch millisecond, 12 random hex digits. Ids
 * sort by creation time, so the stores that index them (the audit log, the archive) add each new
 * one at the end of the index rather than at a random page.
 */
final class RequestIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int DIGITS = 12;

  private RequestIds() {}

  static String next() {
    return of(System.currentTimeMillis(), ThreadLocalRandom.current().nextLong());
  }

  static String of(long epochMillis, long random) {
    char[] id = new char[4 + 2 * DIGITS];
    id[0] = 'r';
    id[1] = 'e';
    id[2] = 'q';
    id[3] = '_';
    for (int i = 0; i < DIGITS; i++) {
      int shift = (DIGITS - 1 - i) * 4;
      id[4 + i] = HEX[(int) (epochMillis >>> shift) & 0xf];
      id[4 + DIGITS + i] = HEX[(int) (random >>> shift) & 0xf];
    }
    return new String(id);
  }
}

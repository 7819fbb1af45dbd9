package dev.fulcrum.controlplane.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The tenant ciphertext layout: {@code 0x01 | version (int32 BE) | AEAD output}. */
final class Envelope {
  static final byte FORMAT = 1;
  static final int HEADER = 5;

  private Envelope() {}

  static byte[] header(int version) {
    return ByteBuffer.allocate(HEADER).put(FORMAT).putInt(version).array();
  }

  /** The DEK version a ciphertext names, or -1 when it is not in this format. */
  static int version(byte[] ciphertext) {
    if (ciphertext.length <= HEADER || ciphertext[0] != FORMAT) {
      return -1;
    }
    return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
  }

  /** What the AEAD authenticates besides the plaintext: header, tenant id, caller's data. */
  static byte[] associatedData(byte[] header, String tenant, byte[] callerData) {
    byte[] id = tenant.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(header.length + 1 + id.length + callerData.length)
        .put(header).put((byte) id.length).put(id).put(callerData).array();
  }

  /** Binds a wrapped DEK to its tenant and version so rows cannot be swapped. */
  static byte[] wrapContext(String tenant, int version) {
    return ("fulcrum/dek/" + tenant + "/" + version).getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[] header, byte[] body) {
    return ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
  }
}

package dev.fulcrum.controlplane.keys;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;

/** Keeps one keyset in memory; generated on first use. */
final class MemoryKeysetSource implements KeysetSource {
  private KeysetHandle keyset;

  @Override
  public synchronized KeysetHandle loadOrGenerate(Parameters parameters) {
    Keysets.register();
    if (keyset == null) {
      keyset = Keysets.generate(parameters);
    }
    return Keysets.requireKind(keyset, parameters, "in memory");
  }

  @Override
  public String toString() {
    return "KeysetSource[memory]";
  }
}

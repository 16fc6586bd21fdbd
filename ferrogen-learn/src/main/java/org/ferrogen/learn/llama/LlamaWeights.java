package org.ferrogen.learn.llama;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained tensors of a Llama model under their GGUF names, in GGUF order, with the architecture.
 * {@code output.weight} is absent when {@link LlamaConfig#tiedOutput()} is true.
 */
public record LlamaWeights(LlamaConfig config, List<NamedTensor> tensors) {

    public LlamaWeights {
        tensors = List.copyOf(tensors);
    }

    /** The tensor named {@code name}. */
    public NamedTensor tensor(String name) {
        for (NamedTensor tensor : tensors) {
            if (tensor.name().equals(name)) {
                return tensor;
            }
        }
        throw new IllegalArgumentException("no tensor named " + name);
    }

    /** Tensors by name, in GGUF order. */
    public Map<String, NamedTensor> byName() {
        Map<String, NamedTensor> map = new LinkedHashMap<>();
        for (NamedTensor tensor : tensors) {
            map.put(tensor.name(), tensor);
        }
        return map;
    }
}

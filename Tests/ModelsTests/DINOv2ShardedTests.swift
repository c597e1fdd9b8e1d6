import Foundation
import Models
import TensorKit
import Testing
import TestSupport

/// A small DINOv2 Hugging Face checkpoint split into shards with `model.safetensors.index.json`,
/// read through the `WeightFiles` that CLIP's loader uses too.
struct DINOv2ShardedTests {
    /// The small random checkpoint of `DINOv2HuggingFaceTests` (transformers 5 names, `dinov2.` prefix).
    static func singleFile() throws -> URL {
        try DINOv2HuggingFaceTests.writeCheckpoint(DINOv2HuggingFaceTests.randomWeights(), prefix: "dinov2.",
                                                   newNames: true)
    }

    /// A copy of `single` with its tensors dealt round-robin into `count` shards
    /// `model-0000i-of-0000n.safetensors`, listed in the index; no `model.safetensors`.
    static func shardedCopy(of single: URL, count: Int) throws -> (directory: URL, shards: [String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dinov2-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: single.appendingPathComponent("config.json"),
                                         to: directory.appendingPathComponent("config.json"))
        let file = try SafeTensorsFile(contentsOf: single.appendingPathComponent("model.safetensors"))
        let shards = (1...count).map { "model-0000\($0)-of-0000\(count).safetensors" }
        var parts = Array(repeating: [String: Tensor](), count: count), map: [String: String] = [:]
        for (i, name) in file.names.enumerated() {
            parts[i % count][name] = try file.tensor(name)
            map[name] = shards[i % count]
        }
        for (part, shard) in zip(parts, shards) { try SafeTensors.write(part, to: directory.appendingPathComponent(shard)) }
        let index = try JSONSerialization.data(withJSONObject: ["metadata": ["total_size": 0], "weight_map": map])
        try index.write(to: directory.appendingPathComponent("model.safetensors.index.json"))
        return (directory, shards)
    }

    @Test func shardsLoadAndGiveTheSameOutputsAsOneFile() throws {
        let single = try Self.singleFile()
        let (sharded, shards) = try Self.shardedCopy(of: single, count: 3)
        defer { for url in [single, sharded] { try? FileManager.default.removeItem(at: url) } }
        // Every shard holds part of the weights: none is redundant.
        for shard in shards {
            #expect(!(try SafeTensorsFile(contentsOf: sharded.appendingPathComponent(shard))).names.isEmpty)
        }
        let one = try DINOv2Weights(huggingFaceDirectory: single)
        let three = try DINOv2Weights(huggingFaceDirectory: sharded)
        #expect(three.config == one.config)
        #expect(three.source == sharded.appendingPathComponent("model.safetensors.index.json").path)
        #expect(Set(three.tensors.keys) == Set(one.tensors.keys))
        let pixels = RandomGenerator(seed: 11).randn([1, 3, 42, 28])                // a 3 × 2 grid
        let (a, b) = (try DINOv2Model(weights: one)(pixels), try DINOv2Model(weights: three)(pixels))
        #expect(a.lastHiddenState.shape == [1, 7, 32])
        #expect(bitMismatches(a.lastHiddenState, b.lastHiddenState) == 0)
        #expect(zip(a.attentions, b.attentions).allSatisfy { bitMismatches($0, $1) == 0 })
    }

    @Test func aShardMissingFromTheDirectoryIsNamed() throws {
        let single = try Self.singleFile()
        let (sharded, shards) = try Self.shardedCopy(of: single, count: 3)
        defer { for url in [single, sharded] { try? FileManager.default.removeItem(at: url) } }
        try FileManager.default.removeItem(at: sharded.appendingPathComponent(shards[1]))
        let index = sharded.appendingPathComponent("model.safetensors.index.json").path
        let error = #expect(throws: DINOv2Error.weightFiles(.missingShard(index: index, shard: "model-00002-of-00003.safetensors"))) {
            try DINOv2Weights(huggingFaceDirectory: sharded)
        }
        #expect(error?.description == "dinov2: '\(index)' names shard 'model-00002-of-00003.safetensors', which is "
            + "missing: download every shard listed in the index.")
    }

    @Test func noWeightsOrAMalformedIndexAreNamed() throws {
        let single = try Self.singleFile()
        let (sharded, _) = try Self.shardedCopy(of: single, count: 2)
        defer { for url in [single, sharded] { try? FileManager.default.removeItem(at: url) } }
        let index = sharded.appendingPathComponent("model.safetensors.index.json")
        try Data(#"{"metadata": {}}"#.utf8).write(to: index)
        #expect(throws: DINOv2Error.weightFiles(.badIndex(file: index.path,
                                                          reason: "has no 'weight_map' object of tensor names to shard files"))) {
            try DINOv2Weights(huggingFaceDirectory: sharded)
        }
        try FileManager.default.removeItem(at: index)
        #expect(throws: DINOv2Error.weightFiles(.noWeights(directory: sharded.path))) {
            try DINOv2Weights(huggingFaceDirectory: sharded)
        }
    }
}

import Foundation
import TensorKit

/// One stack of attentions for Part 4's three analyses, and, for fixture cases, what float64 numpy
/// computed from it (`Tests/Fixtures/analysis`, made by `scripts/fixtures/make_analysis_fixtures.py`).
struct AnalysisCase: Sendable {
    let label: String
    /// `L` tensors `[H, T, T]`, layer 0 first; `T = 1 + gridHeight · gridWidth`.
    let attentions: [Tensor]
    let gridHeight: Int, gridWidth: Int, patchSize: Int
    /// The expected `[gh, gw]`, `[L, H]` and `[L, H]` tables; `nil` for seeded cases, which the
    /// reference judges.
    let expected: (rollout: Tensor, meanDistance: Tensor, entropy: Tensor)?

    var tokens: Int { 1 + gridHeight * gridWidth }
    var heads: Int { attentions.first?.dim(0) ?? 0 }
}

/// Where the cases come from: the fixtures' hand-made and real-model stacks, and seeded ones.
enum AnalysisCases {
    /// A hand-made case of `analysis/synthetic.json` by name: `uniform`, `identity`,
    /// `exclusion and renormalisation`, `multiplication order`, `seeded random, 2x3 grid`.
    static func synthetic(_ name: String, _ context: CheckContext) throws -> AnalysisCase {
        let file = "analysis/synthetic.json"
        let cases = try context.json(file)["cases"] as? [[String: Any]] ?? []
        guard let object = cases.first(where: { $0["name"] as? String == name }) else {
            throw CheckFailure("the fixture \(file) has no case '\(name)'")
        }
        let stack = try tensor(object["attentions"], "attentions", file)   // [L, H, T, T]
        return try analysisCase(object, label: name, attentions: (0..<stack.dim(0)).map { stack[index: $0] }, file: file)
    }

    /// DINOv2 ViT-S/14's 12 layers at 112 px (`[12, 6, 65, 65]`, transformers on a seeded input),
    /// with the float64 analyses of the same attentions.
    static func dinov2(_ context: CheckContext) throws -> AnalysisCase {
        let stack = try context.fixture("analysis/dinov2-112-attentions.safetensors").tensor("attentions")
        let file = "analysis/dinov2-112.json"
        return try analysisCase(try context.json(file), label: "DINOv2 at 112 px",
                                attentions: (0..<stack.dim(0)).map { stack[index: $0] }, file: file)
    }

    /// `layers` seeded stacks of softmax attentions `[H, T, T]` (scores `randn · 3`, so some heads
    /// are sharp and some are flat), with no expected values.
    static func seeded(_ label: String, layers: Int, heads: Int, gridHeight: Int, gridWidth: Int,
                       patchSize: Int, seed: UInt64) -> AnalysisCase {
        let T = 1 + gridHeight * gridWidth
        let attentions = (0..<layers).map { l in
            CheckInputs.randn([heads, T, T], seed: seed &+ UInt64(l), scale: 3).softmax(axis: -1)
        }
        return AnalysisCase(label: label, attentions: attentions, gridHeight: gridHeight, gridWidth: gridWidth,
                            patchSize: patchSize, expected: nil)
    }

    private static func analysisCase(_ object: [String: Any], label: String, attentions: [Tensor],
                                     file: String) throws -> AnalysisCase {
        guard let grid = object["grid"] as? [Int], grid.count == 2, let patch = object["patch_size"] as? Int else {
            throw CheckFailure("the fixture \(file) has no grid [gh, gw] and patch_size for '\(label)'")
        }
        let expected = (try tensor(object["rollout"], "rollout", file), try tensor(object["mean_distance"], "mean_distance", file),
                        try tensor(object["entropy"], "entropy", file))
        return AnalysisCase(label: label, attentions: attentions, gridHeight: grid[0], gridWidth: grid[1],
                            patchSize: patch, expected: expected)
    }

    /// `{"shape": […], "data": […]}` as a Float tensor.
    private static func tensor(_ value: Any?, _ key: String, _ file: String) throws -> Tensor {
        guard let object = value as? [String: Any], let shape = object["shape"] as? [Int],
              let data = object["data"] as? [Double], data.count == shape.reduce(1, *) else {
            throw CheckFailure("the fixture \(file) has no {shape, data} tensor '\(key)'")
        }
        return Tensor(shape: shape, scalars: data.map(Float.init))
    }
}

extension CheckContext {
    /// The JSON object in fixture file `name`, or a failure naming the file.
    func json(_ name: String) throws -> [String: Any] {
        let url = fixtures.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CheckFailure("cannot read the fixture \(name) in \(fixtures.path) as a JSON object")
        }
        return object
    }
}

import Foundation

/// One mask of `Tests/Fixtures/masks/masks.json`, made by `scripts/fixtures/make_mask_fixtures.py`
/// from transformers 5.24's models: `masked[q][k]` true = query q cannot attend to key k.
public struct TransformersMaskCase: Decodable, Sendable {
    public let name: String
    public let family: String
    public let types: String
    public let window: Int?
    public let chunk: Int?
    public let masked: [[Bool]]

}

extension Fixtures {
    /// Every case of `masks/masks.json` (hand-written edge layouts, then seeded random ones).
    public static func transformersMasks() throws -> [TransformersMaskCase] {
        struct File: Decodable { let cases: [TransformersMaskCase] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url("masks/masks.json"))).cases
    }
}

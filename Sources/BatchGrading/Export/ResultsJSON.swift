import Contracts
import Foundation

/// `results.json`: the whole gradebook as JSON (`{pieces, students: [StudentGrade]}`), with
/// ISO 8601 dates and keys in a stable order.
public enum ResultsJSON {
    struct Document: Encodable {
        let pieces: [String]
        let students: [StudentGrade]
    }

    public static func render(_ grades: [StudentGrade]) throws -> Data {
        try encoder.encode(Document(pieces: Catalog.exercises.map(\.id), students: grades))
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

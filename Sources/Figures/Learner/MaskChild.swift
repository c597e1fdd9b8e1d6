import Contracts
import Foundation
import Solutions
import TensorKit

/// The learner runner's side of `mask --mine`: builds the masks of a `MaskRequest` with the learner's
/// pieces (the reference standing in for those named) and writes them, `MaskRequest.encoded(_:)`, to a
/// file for the course tool to draw. Reached through `FigureChild` as
/// `plot mask WORDS… --out FILE [--stand-ins a,b]`.
enum MaskChild {
    /// `FigureChild`'s second argument that selects this side.
    static let subcommand = "mask"

    static func run(_ arguments: [String], learner: Implementations) -> Never {
        var words = Array(arguments.drop { $0 != subcommand }.dropFirst())
        var out: String?, standIns: [PieceID] = []
        for option in ["--out", "--stand-ins"] {
            guard let index = words.firstIndex(of: option), index + 1 < words.count else { continue }
            if option == "--out" { out = words[index + 1] }
            else { standIns = words[index + 1].split(separator: ",").compactMap { PieceID(rawValue: String($0)) } }
            words.removeSubrange(index...index + 1)
        }
        guard let out else { fail("usage: plot mask WORDS… --out FILE [--stand-ins a,b]") }
        let pieces = learner.replacing(standIns, from: Reference.implementations)
        do {
            let request = try MaskRequest(words: words)
            try request.encoded(request.masks(using: pieces)).write(to: URL(fileURLWithPath: out))
        } catch {
            fail("\(error)")
        }
        exit(0)
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
        exit(1)
    }
}

extension MaskRequest {
    /// The masks as bytes (1 = masked), family after family in the request's order, for `decodedMasks`.
    func encoded(_ masks: [(family: MaskFamily, mask: Mask)]) -> Data {
        Data(masks.flatMap { $0.mask.values.map { $0 ? 1 : 0 } })
    }

    /// The masks the learner's runner wrote for this request.
    /// - Throws: `FigureError.unreadable` when the data does not hold one `[T, T]` mask per family.
    public func decodedMasks(_ data: Data) throws(FigureError) -> [(family: MaskFamily, mask: Mask)] {
        let T = layout.count
        guard data.count == families.count * T * T, data.allSatisfy({ $0 <= 1 }) else {
            throw .unreadable("the runner wrote \(data.count) bytes, not \(families.count) masks of \(T) × \(T)")
        }
        let bytes = [UInt8](data)
        return families.enumerated().map { index, family in
            (family, Mask(shape: [T, T], values: bytes[index * T * T..<(index + 1) * T * T].map { $0 == 1 }))
        }
    }
}

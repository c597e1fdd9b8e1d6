import Contracts
import Foundation
import Grader

/// Points per piece and per check. Default: 10 points per piece, shared equally by its checks.
///
/// JSON (`--rubric FILE`):
/// ```json
/// {"pieces": {"causal-mask": {"points": 20, "checks": {"shape is [T, T]": 5}}}}
/// ```
/// A piece's listed checks get the points given; the rest of the piece's points are shared
/// equally by its other checks. Unlisted pieces keep the default.
public struct Rubric: Sendable, Equatable, Codable {
    public struct Piece: Sendable, Equatable, Codable {
        public var points: Double?
        public var checks: [String: Double]?
    }

    public static let defaultPiecePoints = 10.0
    public var pieces: [String: Piece]

    public init(pieces: [String: Piece] = [:]) { self.pieces = pieces }

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String, String)
        case invalid(String)
        public var description: String {
            switch self {
            case .unreadable(let path, let why): "cannot read the rubric \(path): \(why)"
            case .invalid(let why): "bad rubric: \(why)"
            }
        }
    }

    /// Reads and validates a JSON rubric against the catalog and the grader's checks.
    public static func load(_ url: URL) throws -> Rubric {
        let rubric: Rubric
        do {
            rubric = try JSONDecoder().decode(Rubric.self, from: try Data(contentsOf: url))
        } catch {
            throw Failure.unreadable(url.path, "\(error)")
        }
        try rubric.validate()
        return rubric
    }

    func validate() throws {
        for (id, piece) in pieces {
            guard Catalog.exercise(id) != nil else { throw Failure.invalid("unknown piece \"\(id)\"") }
            let names = Set(PieceChecks.checks(forID: id).map(\.name))
            for (check, points) in piece.checks ?? [:] {
                guard names.contains(check) else { throw Failure.invalid("\(id) has no check \"\(check)\"") }
                guard points >= 0 else { throw Failure.invalid("\(id): \"\(check)\" has negative points") }
            }
            let listed = (piece.checks ?? [:]).values.reduce(0, +)
            if let points = piece.points, points < 0 || listed > points + 1e-9 {
                throw Failure.invalid("\(id): its checks' points exceed the piece's \(points)")
            }
        }
    }

    /// Points of each check of `piece`, in the grader's check order.
    public func checkPoints(_ piece: String) -> [Double] {
        let names = PieceChecks.checks(forID: piece).map(\.name)
        let listed = pieces[piece]?.checks ?? [:]
        let total = pieces[piece]?.points ?? (listed.count == names.count && !names.isEmpty
            ? listed.values.reduce(0, +) : Self.defaultPiecePoints)
        let unlisted = names.filter { listed[$0] == nil }.count
        let share = unlisted == 0 ? 0 : (total - listed.values.reduce(0, +)) / Double(unlisted)
        return names.map { listed[$0] ?? share }
    }

    public func piecePoints(_ piece: String) -> Double { checkPoints(piece).reduce(0, +) }

    /// A stable fingerprint: a rerun with another rubric regrades every submission.
    public var fingerprint: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? ""
    }
}

import Foundation

/// `similarity.csv`: for each piece, every pair of students and every student against the
/// reference, scored by the containment of their winnowed fingerprints once the stub's are removed.
///
/// `score = |A ∩ B| / min(|A|, |B|)` (0…1). Containment rather than Jaccard (`|A ∩ B| / |A ∪ B|`):
/// a copy padded with extra code keeps a containment of 1, while its Jaccard falls with every line
/// added. The price is that a tiny fingerprint set is contained in anything, so a side with fewer
/// than `minimumFingerprints` is not scored ("too short"); a piece whose reference is that short
/// (the one-line causal mask) gets one "too short to judge" row and no pairs.
public struct SimilarityReport: Sendable {
    public struct Settings: Sendable {
        /// Tokens per k-gram, hashes per winnowing window, smallest set that is scored.
        public var k = 10, w = 3, minimumFingerprints = 6
        public init() {}
    }

    public struct Row: Sendable, Equatable {
        public enum Kind: String, Sendable { case pair, reference, piece }
        public let piece: String
        public let kind: Kind
        public let first: String
        public let second: String
        /// nil when not scored (`note` says why).
        public let score: Double?
        public let shared: Int
        public let firstFingerprints: Int
        public let secondFingerprints: Int
        public let note: String
    }

    /// One piece's code: the reference's, the stub's and each student's (nil: not in the submission).
    public struct Piece: Sendable {
        public let id: String
        public let reference: String
        public let stub: String
        public let students: [(name: String, code: String?)]
    }

    /// A reference or stub file the report needs cannot be read.
    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    public let rows: [Row]
    public let settings: Settings
    /// The default of `grade --similarity-threshold`.
    public static let defaultThreshold = 0.6

    public init(_ pieces: [Piece], settings: Settings = Settings()) {
        self.settings = settings
        rows = pieces.flatMap { Self.rows(for: $0, settings: settings) }
    }

    private static func rows(for piece: Piece, settings: Settings) -> [Row] {
        let winnowing = Winnowing(k: settings.k, w: settings.w)
        let tokens = { (code: String, comments: Bool) in
            TokenNormalizer.normalise(SwiftTokenizer.tokens(code, commentsAsCode: comments))
        }
        // MOSS's base file: any k-gram of the stub, its commented-out hints included, is no evidence.
        let base = Set(winnowing.kGramHashes(tokens(piece.stub, false)) + winnowing.kGramHashes(tokens(piece.stub, true)))
        let print = { (code: String?) in code.map { winnowing.fingerprints(tokens($0, false), excluding: base) } ?? [] }
        let reference = print(piece.reference)
        guard reference.count >= settings.minimumFingerprints else {
            return [Row(piece: piece.id, kind: .piece, first: "", second: "", score: nil, shared: 0,
                        firstFingerprints: reference.count, secondFingerprints: 0,
                        note: "too short to judge: the reference has \(reference.count) fingerprints beyond the stub's "
                            + "(at least \(settings.minimumFingerprints) are needed)")]
        }
        let students = piece.students.map { (name: $0.name, present: $0.code != nil, prints: print($0.code)) }
        func row(_ kind: Row.Kind, _ a: (name: String, present: Bool, prints: Set<UInt64>),
                 _ b: (name: String, present: Bool, prints: Set<UInt64>)) -> Row {
            let shared = a.prints.intersection(b.prints).count
            let smaller = min(a.prints.count, b.prints.count)
            let missing = [a, b].filter { !$0.present }.map(\.name)
            let note = !missing.isEmpty ? "not in the submission of \(missing.joined(separator: " and "))"
                : smaller < settings.minimumFingerprints ? "too short: fewer than \(settings.minimumFingerprints) fingerprints beyond the stub's"
                : ""
            return Row(piece: piece.id, kind: kind, first: a.name, second: b.name,
                       score: note.isEmpty ? Double(shared) / Double(smaller) : nil, shared: shared,
                       firstFingerprints: a.prints.count, secondFingerprints: b.prints.count, note: note)
        }
        var rows = students.map { row(.reference, $0, (name: "reference", present: true, prints: reference)) }
        for (i, a) in students.enumerated() {
            for b in students[(i + 1)...] { rows.append(row(.pair, a, b)) }
        }
        return rows.sorted { ($0.score ?? -1, $1.first, $1.second) > ($1.score ?? -1, $0.first, $0.second) }
    }

    /// Scored rows at or above `threshold`, highest first (in course order, then by name, on ties).
    public func flagged(threshold: Double) -> [Row] {
        rows.filter { ($0.score ?? -1) >= threshold }.enumerated()
            .sorted { ($0.element.score ?? 0, $1.offset) > ($1.element.score ?? 0, $0.offset) }.map(\.element)
    }

    /// The end-of-run summary: one line per pair (a student and another, or the reference) with
    /// a piece at or above `threshold`, most pieces first, at most `limit` lines.
    public func summary(threshold: Double, limit: Int = 20) -> [String] {
        let pairs = Dictionary(grouping: flagged(threshold: threshold)) { [$0.kind.rawValue, $0.first, $0.second] }
            .values.sorted {
                ($0.count, $0[0].score ?? 0, $1[0].first, $1[0].second) > ($1.count, $1[0].score ?? 0, $0[0].first, $0[0].second)
            }
        guard !pairs.isEmpty else { return ["similar code: no pair scores \(threshold) or more (similarity.csv)"] }
        var lines = ["similar code: \(pairs.count) pairs score \(threshold) or more on some piece (details in similarity.csv):"]
        for rows in pairs.prefix(limit) {
            let second = rows[0].kind == .reference ? "the reference" : rows[0].second
            let pieces = rows.map { "\($0.piece) \(String(format: "%.2f", $0.score ?? 0))" }
            lines.append("  \(rows[0].first) ~ \(second): " + pieces.joined(separator: ", "))
        }
        if pairs.count > limit { lines.append("  … and \(pairs.count - limit) more pairs") }
        return lines
    }

    public func csv() -> String {
        var lines = ["piece,kind,first,second,score,shared,first_fingerprints,second_fingerprints,note"]
        for row in rows {
            lines.append([row.piece, row.kind.rawValue, GradesCSV.field(row.first), GradesCSV.field(row.second),
                          row.score.map { String(format: "%.3f", $0) } ?? "", "\(row.shared)", "\(row.firstFingerprints)",
                          "\(row.secondFingerprints)", GradesCSV.field(row.note)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

import Contracts

/// Reads a code fence's info string: a language word, then optional `exercise=<id>` or `cell=<id>`,
/// and `reveals=<id>[,<id>…]` for code that holds a piece's answer.
enum FenceInfo {
    static func codeBlock(info: String, body: String) throws(LessonFormatError) -> CodeBlock {
        let words = info.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let language = words.first
        var role: CodeBlock.Role = switch language {
        case "math": .math
        case "table": .table
        default: .listing
        }
        var reveals: [PieceID] = []
        for attribute in words.dropFirst() {
            let parts = attribute.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw LessonFormatError(reason: "code fence `\(info)`: expected key=value, found `\(attribute)`")
            }
            switch parts[0] {
            case "exercise": role = .exercise(parts[1])
            case "cell": role = .cell(parts[1])
            case "reveals": reveals = try pieces(parts[1], info: info)
            default:
                throw LessonFormatError(
                    reason: "code fence `\(info)`: unknown attribute `\(parts[0])` (use exercise=, cell= or reveals=)")
            }
        }
        if role == .table { _ = try TableParser.rows(body) }
        if !reveals.isEmpty, case .exercise = role {
            throw LessonFormatError(reason: "code fence `\(info)`: an exercise is the learner's own code; reveals= is for code that shows an answer")
        }
        var block = CodeBlock(language: language, role: role, body: body)
        block.reveals = reveals
        return block
    }

    /// `causal-mask,vlm-mask` as pieces of the catalog.
    private static func pieces(_ list: String, info: String) throws(LessonFormatError) -> [PieceID] {
        var pieces: [PieceID] = []
        for id in list.split(separator: ",").map(String.init) {
            guard let piece = PieceID(rawValue: id) else {
                throw LessonFormatError(reason: "code fence `\(info)`: reveals=\(list) names no piece `\(id)` "
                    + "(use one of \(Catalog.idList))")
            }
            pieces.append(piece)
        }
        return pieces
    }
}

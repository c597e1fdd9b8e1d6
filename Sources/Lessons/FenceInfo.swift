/// Reads a code fence's info string: a language word, then optional `exercise=<id>` or `cell=<id>`.
enum FenceInfo {
    static func codeBlock(info: String, body: String) throws(LessonFormatError) -> CodeBlock {
        let words = info.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let language = words.first
        var role: CodeBlock.Role = switch language {
        case "math": .math
        case "table": .table
        default: .listing
        }
        for attribute in words.dropFirst() {
            let parts = attribute.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw LessonFormatError(reason: "code fence `\(info)`: expected key=value, found `\(attribute)`")
            }
            switch parts[0] {
            case "exercise": role = .exercise(parts[1])
            case "cell": role = .cell(parts[1])
            default:
                throw LessonFormatError(
                    reason: "code fence `\(info)`: unknown attribute `\(parts[0])` (use exercise= or cell=)")
            }
        }
        if role == .table { _ = try TableParser.rows(body) }
        return CodeBlock(language: language, role: role, body: body)
    }
}

/// A small Swift tokenizer for colouring code: keywords, string literals, comments, numbers,
/// attributes and capitalised type names. Everything else is plain.
enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat",
        "switch", "case", "default", "break", "continue", "struct", "enum", "class", "protocol",
        "extension", "import", "public", "private", "fileprivate", "internal", "static", "mutating",
        "init", "self", "Self", "true", "false", "nil", "throws", "throw", "try", "where", "some",
        "any", "inout", "defer", "do", "catch", "as", "is", "typealias", "associatedtype", "final",
        "lazy", "weak", "override", "async", "await",
    ]

    static let keywordStyle: TextStyle = [.magenta, .bold]
    static let stringStyle: TextStyle = .green
    static let commentStyle: TextStyle = [.dim, .italic]
    static let numberStyle: TextStyle = .yellow
    static let typeStyle: TextStyle = .cyan

    /// The spans of `code`, one line per source line.
    static func lines(_ code: String) -> [StyledLine] {
        var lines: [StyledLine] = [[]]
        for span in spans(Array(code)) {
            for (index, piece) in span.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { lines.append([]) }
                if !piece.isEmpty { lines[lines.count - 1].append(Span(String(piece), span.style)) }
            }
        }
        if lines.last?.isEmpty == true && lines.count > 1 { lines.removeLast() }
        return lines
    }

    private static func spans(_ source: [Character]) -> [Span] {
        var spans: [Span] = []
        var index = 0
        func take(while condition: (Character) -> Bool, from start: Int) -> String {
            var end = start
            while end < source.count && condition(source[end]) { end += 1 }
            index = end
            return String(source[start..<end])
        }
        while index < source.count {
            let start = index
            let character = source[index]
            let next: Character? = index + 1 < source.count ? source[index + 1] : nil
            if character == "/" && next == "/" {
                spans.append(Span(take(while: { $0 != "\n" }, from: start), commentStyle))
            } else if character == "/" && next == "*" {
                index = start + 2
                while index < source.count && !(source[index - 1] == "*" && source[index] == "/") { index += 1 }
                index = min(index + 1, source.count)
                spans.append(Span(String(source[start..<index]), commentStyle))
            } else if character == "\"" {
                index = start + 1
                while index < source.count && source[index] != "\"" && source[index] != "\n" {
                    index += source[index] == "\\" ? 2 : 1
                }
                index = min(index + 1, source.count)
                spans.append(Span(String(source[start..<index]), stringStyle))
            } else if character.isNumber {
                spans.append(Span(take(while: { $0.isNumber || $0 == "." || $0 == "_" }, from: start), numberStyle))
            } else if character.isLetter || character == "_" || character == "@" || character == "#" {
                index = start + 1
                let word = String(character) + take(while: { $0.isLetter || $0.isNumber || $0 == "_" }, from: index)
                spans.append(Span(word, style(ofWord: word)))
            } else {
                index = start + 1
                spans.append(Span(String(character)))
            }
        }
        return spans
    }

    private static func style(ofWord word: String) -> TextStyle {
        if keywords.contains(word) || word.hasPrefix("@") || word.hasPrefix("#") { return keywordStyle }
        if word.first?.isUppercase == true { return typeStyle }
        return []
    }
}

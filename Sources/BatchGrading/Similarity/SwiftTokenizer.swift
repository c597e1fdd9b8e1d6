/// Splits Swift source into tokens for the similarity report, dropping comments and whitespace.
///
/// Kinds: identifiers (backquoted ones unquoted; `$0` included), keywords, number literals,
/// string literals (one token each, interpolations included, raw and multi-line strings too) and
/// punctuation/operators (a run of operator characters is one token). It is a lexer, not a parser:
/// code that does not compile is tokenized all the same.
///
/// `commentsAsCode` drops only the comment markers (`//`, `/*`, `*/`) and lexes the comments'
/// text as code: a stub's commented-out hints (`// let total = nImage + nText`) then count as the
/// stub's code, which learners are expected to uncomment.
enum SwiftTokenizer {
    struct Token: Equatable {
        enum Kind: Equatable { case identifier, keyword, number, string, punctuation }
        let kind: Kind
        let text: String
    }

    static func tokens(_ source: String, commentsAsCode: Bool = false) -> [Token] {
        let chars = Array(source.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < chars.count ? chars[i + offset] : nil }
        while i < chars.count {
            let c = chars[i]
            if c.properties.isWhitespace { i += 1; continue }
            if c == "/", peek(1) == "/" {
                if commentsAsCode { while peek(0) == "/" { i += 1 }; continue }
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", peek(1) == "*" {
                if commentsAsCode { i += 2; continue }
                i = endOfBlockComment(chars, from: i)
                continue
            }
            if commentsAsCode, c == "*", peek(1) == "/" { i += 2; continue }
            if c == "\"" || (c == "#" && isRawStringStart(chars, i)) {
                i = endOfString(chars, from: i)
                tokens.append(Token(kind: .string, text: "S"))
                continue
            }
            if c == "`" { i += 1; continue }
            if isDigit(c) {
                let start = i
                i += 1
                while let n = peek(0), isIdentifierBody(n) || (n == "." && peek(1).map(isDigit) == true) { i += 1 }
                tokens.append(Token(kind: .number, text: String(String.UnicodeScalarView(chars[start..<i]))))
                continue
            }
            if isIdentifierHead(c) || (c == "$" && peek(1).map(isIdentifierBody) == true) {
                let start = i
                i += 1
                while let n = peek(0), isIdentifierBody(n) { i += 1 }
                let text = String(String.UnicodeScalarView(chars[start..<i]))
                tokens.append(Token(kind: keywords.contains(text) ? .keyword : .identifier, text: text))
                continue
            }
            if isOperator(c) {
                let start = i
                i += 1
                // `a.b` is member access; `..<`, `...` and `+=` are operators.
                if c != "." || peek(0) == "." {
                    while let n = peek(0), isOperator(n), !(n == "/" && (peek(1) == "/" || peek(1) == "*")) { i += 1 }
                }
                tokens.append(Token(kind: .punctuation, text: String(String.UnicodeScalarView(chars[start..<i]))))
                continue
            }
            tokens.append(Token(kind: .punctuation, text: String(c)))
            i += 1
        }
        return tokens
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "static", "struct", "subscript",
        "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else", "fallthrough", "for",
        "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "catch", "false", "is", "nil",
        "rethrows", "super", "self", "Self", "throw", "throws", "true", "try", "final", "lazy", "mutating",
        "nonmutating", "override", "weak", "unowned", "convenience", "required", "some", "any",
    ]

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private static func isIdentifierHead(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }
    private static func isIdentifierBody(_ c: Unicode.Scalar) -> Bool { isIdentifierHead(c) || isDigit(c) }
    private static func isOperator(_ c: Unicode.Scalar) -> Bool { "/=-+!*%<>&|^~?.".unicodeScalars.contains(c) }

    /// The index after a (nested) `/* … */` comment starting at `start`.
    private static func endOfBlockComment(_ chars: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0, i = start
        while i < chars.count {
            if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == "*" { depth += 1; i += 2; continue }
            if chars[i] == "*", i + 1 < chars.count, chars[i + 1] == "/" {
                depth -= 1
                i += 2
                if depth == 0 { return i }
                continue
            }
            i += 1
        }
        return i
    }

    /// `#"`, `##"` …: a raw string's opening.
    private static func isRawStringStart(_ chars: [Unicode.Scalar], _ start: Int) -> Bool {
        var i = start
        while i < chars.count, chars[i] == "#" { i += 1 }
        return i < chars.count && chars[i] == "\""
    }

    /// The index after the string literal starting at `start` (`"…"`, `"""…"""`, `#"…"#`), with
    /// its interpolations (`\(…)`, which may hold strings of their own).
    private static func endOfString(_ chars: [Unicode.Scalar], from start: Int) -> Int {
        var i = start, hashes = 0
        while chars[i] == "#" { hashes += 1; i += 1 }
        let quotes = i + 2 < chars.count && chars[i + 1] == "\"" && chars[i + 2] == "\"" ? 3 : 1
        i += quotes
        let escape = [Unicode.Scalar("\\")] + Array(repeating: Unicode.Scalar("#"), count: hashes)
        // Element by element, stopping at the first difference: linear even for `###…#"` runs.
        func matches(_ run: [Unicode.Scalar], at p: Int) -> Bool {
            p + run.count <= chars.count && run.indices.allSatisfy { chars[p + $0] == run[$0] }
        }
        let closing = Array(repeating: Unicode.Scalar("\""), count: quotes) + Array(repeating: Unicode.Scalar("#"), count: hashes)
        while i < chars.count {
            if matches(escape, at: i) {
                i += escape.count
                if i < chars.count, chars[i] == "(" { i = endOfInterpolation(chars, from: i) } else { i += 1 }
                continue
            }
            if matches(closing, at: i) { return i + closing.count }
            if quotes == 1, chars[i] == "\n" { return i }  // an unterminated literal ends with its line
            i += 1
        }
        return i
    }

    /// The index after the `( … )` of an interpolation starting at `start`.
    private static func endOfInterpolation(_ chars: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0, i = start
        while i < chars.count {
            switch chars[i] {
            case "(": depth += 1; i += 1
            case ")": depth -= 1; i += 1; if depth == 0 { return i }
            case "\"", "#" where isRawStringStart(chars, i): i = endOfString(chars, from: i)
            default: i += 1
            }
        }
        return i
    }
}

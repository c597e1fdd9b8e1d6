/// Turns tokens into the normalised stream that is fingerprinted: every name the code itself
/// declares becomes `I`, number literals `N`, string literals `S`; keywords, operators and the
/// names the code only uses (the course's API: `matmul`, `Tensor`, `Pieces.attention`, the
/// protocols' members after a `.`) stay as written.
///
/// Renaming cannot hide a copy: a learner can rename only what they declare — locals, loop and
/// closure variables, parameters' internal names, helper functions and types — and all of those
/// become `I`. Keeping API names is what tells two independent solutions apart: they share the
/// normalised boilerplate, but seldom the same calls in the same order.
///
/// Declared names (by name, for the whole piece): the name after `let`, `var`, `func`, `class`,
/// `struct`, `enum`, `typealias` (and each name of a tuple pattern `let (a, b)`); a name followed by
/// `=` after a comma (`let a = x, b = y`); the names between `for` and `in`; a closure's
/// parameters (`{ a, b in`); a parameter's internal name (`_ x: T`, `label x: T`, `x: T`). A name
/// right after `.` is a member and is never replaced.
enum TokenNormalizer {
    typealias Token = SwiftTokenizer.Token

    static func normalise(_ tokens: [Token]) -> [String] {
        let declared = declaredNames(tokens)
        return tokens.indices.map { i in
            let token = tokens[i]
            switch token.kind {
            case .number: return "N"
            case .string: return "S"
            case .identifier where declared.contains(token.text) && !isMemberOrLabel(tokens, i): return "I"
            default: return token.text
            }
        }
    }

    /// `a.name` (a member) or `f(name: …)`, `(name: …, …)` (an argument or tuple label).
    private static func isMemberOrLabel(_ tokens: [Token], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        if tokens[i - 1].text == "." { return true }
        return ["(", ","].contains(tokens[i - 1].text) && i + 1 < tokens.count && tokens[i + 1].text == ":"
    }

    static func declaredNames(_ tokens: [Token]) -> Set<String> {
        var names = Set<String>()
        func text(_ i: Int) -> String? { tokens.indices.contains(i) ? tokens[i].text : nil }
        func isName(_ i: Int) -> Bool { tokens.indices.contains(i) && tokens[i].kind == .identifier }
        for i in tokens.indices {
            switch tokens[i].text {
            case "let", "var", "func", "class", "struct", "enum", "typealias":
                if isName(i + 1) { names.insert(tokens[i + 1].text) }
                if text(i + 1) == "(" { names.formUnion(patternNames(tokens, from: i + 1)) }
                if tokens[i].text == "func" { names.formUnion(parameterNames(tokens, after: i + 1)) }
            case "init" where i == 0 || tokens[i - 1].text != ".":
                names.formUnion(parameterNames(tokens, after: i))
            case "for":
                var j = i + 1
                while j < tokens.count, tokens[j].text != "in", j - i < 12 {
                    if isName(j) { names.insert(tokens[j].text) }
                    j += 1
                }
            case "{":
                names.formUnion(closureParameters(tokens, after: i))
            case ",":
                if isName(i + 1), text(i + 2) == "=" { names.insert(tokens[i + 1].text) }
            default:
                break
            }
        }
        return names
    }

    /// Names of the tuple pattern whose `(` is at `open` (types after `:` excluded).
    private static func patternNames(_ tokens: [Token], from open: Int) -> [String] {
        var names: [String] = [], j = open + 1, depth = 1
        while j < tokens.count, depth > 0 {
            if tokens[j].text == "(" { depth += 1 } else if tokens[j].text == ")" { depth -= 1 }
            if tokens[j].kind == .identifier, tokens[j - 1].text != ":" { names.append(tokens[j].text) }
            j += 1
        }
        return names
    }

    /// The internal names of the parameter list that follows `start` (a `func` name or `init`).
    private static func parameterNames(_ tokens: [Token], after start: Int) -> [String] {
        var j = start + 1
        while j < tokens.count, tokens[j].text != "(", tokens[j].text != "{", j - start < 8 { j += 1 }
        guard j < tokens.count, tokens[j].text == "(" else { return [] }
        var names: [String] = [], depth = 0, segment: [Token] = []
        while j < tokens.count {
            let token = tokens[j]
            if token.text == "(" || token.text == "[" || token.text == "<" { depth += 1 }
            if token.text == ")" || token.text == "]" || token.text == ">" { depth -= 1 }
            if depth == 0 || (depth == 1 && token.text == ",") {
                let beforeColon = segment.prefix { $0.text != ":" }.filter { $0.kind == .identifier }
                if segment.contains(where: { $0.text == ":" }), let name = beforeColon.last, name.text != "_" {
                    names.append(name.text)
                }
                segment = []
                if depth == 0 { return names }
            } else if !(depth == 1 && token.text == "(" && segment.isEmpty) {
                segment.append(token)
            }
            j += 1
        }
        return names
    }

    /// `{ a, b in` / `{ (a: T, b) in`: the closure's parameter names, or none for a plain block.
    private static func closureParameters(_ tokens: [Token], after open: Int) -> [String] {
        var names: [String] = [], j = open + 1, inCaptureList = false
        while j < tokens.count, j - open < 24 {
            let token = tokens[j]
            switch token.text {
            case "in": return names
            case "[": inCaptureList = true
            case "]": inCaptureList = false
            case "{", "}", "=", ";", "return", "let", "var", "if", "for", "guard": return []
            default:
                if token.kind == .identifier, !inCaptureList, tokens[j - 1].text != ":", tokens[j - 1].text != "." {
                    names.append(token.text)
                }
            }
            j += 1
        }
        return []
    }
}

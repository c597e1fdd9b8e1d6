/// Finds `$…$` formulas in text runs. A formula must sit inside one run of plain text (not span
/// emphasis or code); a `$` without a partner stays literal text.
enum InlineMath {
    static func extract(_ inlines: [Inline]) -> [Inline] {
        merged(inlines).flatMap { inline -> [Inline] in
            if case .text(let text) = inline { split(text) } else { [inline] }
        }
    }

    /// Joins neighbouring `.text` runs, which cmark splits at some punctuation.
    private static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    private static func split(_ text: String) -> [Inline] {
        var result: [Inline] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "$"),
              let close = rest[rest.index(after: open)...].firstIndex(of: "$"),
              close > rest.index(after: open) {
            if open > rest.startIndex { result.append(.text(String(rest[..<open]))) }
            result.append(.math(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return result
    }
}

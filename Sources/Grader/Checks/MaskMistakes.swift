/// The words for a wrong mask position, per rule: what the rule says about that pair and, when the
/// position points at a known mistake, its name (the checks' messages end with it).
enum MaskMistakes {
    /// Gemma 3 global: causal OR same image.
    static func imageBlock(_ d: MaskDifference) -> String {
        let (q, k) = (d.query, d.key)
        guard d.expectedMasked else {
            if k <= q {
                return "\(d.name("Query", q)) cannot see \(d.name("key", k)) at or before it: the causal part is "
                    + "missing (Gemma 3 allows causal OR same image)."
            }
            return "\(d.name("Query", q)) cannot see \(d.name("key", k)) later in its own image: "
                + "an image attends both ways (causal OR same image)."
        }
        if d.layout[q] == .image && d.layout[k] == .image {
            return "\(d.name("Query", q)) sees \(d.name("key", k)) of a later image: the text at "
                + "\(list(d.textBetween)) ends the first image, so these are two images — blocks merged across a text token."
        }
        if d.layout[q] == .image {
            return "\(d.name("Query", q)) sees \(d.name("key", k)), which comes after it: an image sees ahead only "
                + "inside itself."
        }
        return "\(d.name("Query", q)) sees \(d.name("key", k)), which comes after it: text stays causal."
    }

    /// PaliGemma: causal OR both in the prefix (image and prompt).
    static func prefixLM(_ d: MaskDifference) -> String {
        let (q, k) = (d.query, d.key)
        let query = d.name("Query", q, text: "answer"), key = d.name("key", k, text: "answer")
        guard d.expectedMasked else {
            if k <= q { return "\(query) cannot see \(key) at or before it: the causal part is missing." }
            return "\(query) cannot see \(key): the image and the prompt form one prefix that attends both ways."
        }
        if d.layout[q] == .text {
            return "\(query) sees \(key), which comes after it: the answer is generated one token at a time and "
                + "stays causal — the prefix includes the answer."
        }
        return "\(query) sees \(key): the prefix never sees the answer — the prefix includes the answer."
    }

    /// Mistral: causal AND `k > q − window`.
    static func slidingWindow(_ d: MaskDifference) -> String {
        let (q, k, w) = (d.query, d.key, d.window ?? 0)
        let pair = "\(d.name("Query", q)) and \(d.name("key", k)), \(d.distance) back,"
        guard d.expectedMasked else {
            if d.distance == 0 { return "\(d.name("Query", q)) cannot see itself: a window always holds the query." }
            if d.distance == w - 1 {
                return "\(pair) are inside the window of \(w) (the query and the \(w - 1) tokens before it, "
                    + "k > q − window) but masked — window off by one."
            }
            return "\(pair) are inside the window of \(w) (k > q − window) but masked."
        }
        if d.distance < 0 {
            return "\(d.name("Query", q)) sees \(d.name("key", k)), which comes after it: a sliding window is causal too."
        }
        if d.distance == w {
            return "\(pair) are allowed, but a window of \(w) holds only the query and the \(w - 1) tokens before "
                + "it (k > q − window) — window off by one."
        }
        return "\(pair) are allowed, beyond the window of \(w): the window is measured back from the query "
            + "(k > q − window) — window measured from the wrong side."
    }

    /// Gemma 3 local: `k > q − window` AND (causal OR same image).
    static func localImage(_ d: MaskDifference) -> String {
        let (q, k, w) = (d.query, d.key, d.window ?? 0)
        if d.distance < 0 {
            guard d.expectedMasked else {
                return "\(d.name("Query", q)) cannot see \(d.name("key", k)) later in its own image: the window only "
                    + "limits how far back a query looks (k > q − window), never ahead — window measured from the wrong side."
            }
            return imageBlock(d)
        }
        if d.expectedMasked && d.distance >= w && d.layout[q] == .image && d.layout[k] == .image
            && d.textBetween.isEmpty {
            return "\(d.name("Query", q)) sees \(d.name("key", k)) of its own image, \(d.distance) back, beyond the "
                + "window of \(w): the window applies inside an image too (window AND (causal OR same image))."
        }
        return slidingWindow(d)
    }

    /// Llama 3.2 Vision: text token `q` (the difference's query) sees image `m` (its key) from m's
    /// placeholder up to the next group of consecutive placeholders.
    static func crossAttention(_ d: MaskDifference) -> String {
        let (q, m) = (d.query, d.key)
        let placeholders = d.layout.indices.filter { d.layout[$0] == .image }
        let p = placeholders[m]
        let token = "Text token \(q)", image = "image \(m) (its <|image|> is at \(p))"
        guard d.expectedMasked else {
            let grouped = (p > 0 && d.layout[p - 1] == .image) || (p + 1 < d.layout.count && d.layout[p + 1] == .image)
            return "\(token) cannot see \(image): it belongs to the most recent group of images at or before the token"
                + (grouped ? "; consecutive placeholders form one group that all later text sees." : ".")
        }
        if p > q { return "\(token) sees \(image), which comes after it — the token sees a later image." }
        let next = placeholders.first { $0 > p && $0 <= q && d.layout[$0 - 1] != .image } ?? q
        return "\(token) sees \(image), but the image at \(next) starts a new group before the token: "
            + "a new image ends the range of the earlier ones."
    }

    private static func list(_ positions: [Int]) -> String {
        positions.count == 1 ? "position \(positions[0])" : "positions \(positions.map(String.init).joined(separator: ", "))"
    }
}

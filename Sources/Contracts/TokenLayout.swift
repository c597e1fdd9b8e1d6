/// What one position of a prompt holds, written as one letter in a layout string.
public enum TokenKind: Character, Sendable, Hashable, CaseIterable {
    /// Text (`t`). In a PaliGemma layout: the answer (the suffix).
    case text = "t"
    /// An image token (`i`). In self-attention layouts a maximal run of `i` is one image; in a
    /// cross-attention layout each `i` is one `<|image|>` placeholder, standing for a whole image.
    case image = "i"
    /// Prompt text in PaliGemma's prefix (`p`).
    case prompt = "p"
}

/// A prompt as one letter per token, e.g. `ttiiitt`: two text tokens, a three-token image, two text
/// tokens. Position `n` of the layout is token `n` of the sequence.
public struct TokenLayout: RandomAccessCollection, Sendable, Hashable, CustomStringConvertible,
                           ExpressibleByStringLiteral {
    public let kinds: [TokenKind]

    public init(_ kinds: [TokenKind]) { self.kinds = kinds }

    /// Reads `letters` (`t`, `i`, `p`).
    /// - Throws: `TokenLayout.UnknownLetter` naming the first letter that is none of them.
    public init(parsing letters: String) throws(UnknownLetter) {
        var kinds: [TokenKind] = []
        for (position, letter) in letters.enumerated() {
            guard let kind = TokenKind(rawValue: letter) else { throw UnknownLetter(letter: letter, position: position) }
            kinds.append(kind)
        }
        self.kinds = kinds
    }

    /// A layout written in the course's own code; its letters must be valid.
    public init(stringLiteral letters: String) {
        do {
            try self.init(parsing: letters)
        } catch {
            preconditionFailure("TokenLayout literal \"\(letters)\": \(error)")
        }
    }

    /// A letter that is no token kind.
    public struct UnknownLetter: Error, Sendable, Equatable, CustomStringConvertible {
        public let letter: Character
        /// 0-based position in the layout string.
        public let position: Int
        public var description: String {
            "unknown token letter '\(letter)' at position \(position + 1): use t (text), i (image) or p (prompt)"
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { kinds.count }
    public subscript(position: Int) -> TokenKind { kinds[position] }

    /// The letters, as written.
    public var description: String { String(kinds.map(\.rawValue)) }

    /// Where each maximal run of one letter starts (after the first): where a grid draws a line.
    public var runStarts: [Int] { indices.dropFirst().filter { kinds[$0] != kinds[$0 - 1] } }
}

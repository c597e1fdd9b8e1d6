/// Greedy word wrapping of styled text: breaks at spaces, keeps each word's styles, and puts a
/// word longer than the width on a line of its own. A space between words keeps only the style
/// both neighbours share, so an underline never runs into plain text.
enum TextWrapper {
    static func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var current: StyledLine = []
        var currentWidth = 0
        for word in words(spans) {
            let wordWidth = StyledText.width(word)
            if currentWidth > 0 && currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = []
                currentWidth = 0
            }
            if currentWidth > 0 {
                let shared = (current.last?.style ?? []).intersection(word.first?.style ?? [])
                current.append(Span(" ", shared))
                currentWidth += 1
            }
            current += word
            currentWidth += wordWidth
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Splits spans into words: runs without spaces or newlines.
    private static func words(_ spans: [Span]) -> [[Span]] {
        var words: [[Span]] = []
        var word: [Span] = []
        for span in spans {
            var piece = ""
            for character in span.text {
                if character == " " || character == "\n" {
                    if !piece.isEmpty { word.append(Span(piece, span.style)) }
                    piece = ""
                    if !word.isEmpty { words.append(word) }
                    word = []
                } else {
                    piece.append(character)
                }
            }
            if !piece.isEmpty { word.append(Span(piece, span.style)) }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}

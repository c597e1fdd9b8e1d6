import Figures
import Solutions

extension CellOutput {
    /// Appends what `vlm-course mask <arguments>` prints with the reference pieces (the words are
    /// separated by spaces: a family or `--all`, `--types`, `--window`, `--chunk`), or its error line.
    public mutating func mask(_ arguments: String) {
        var words = arguments.split(separator: " ").map(String.init)[...]
        var family: String?, types: String?, window: String?, chunk: String?, all = false
        while let word = words.popFirst() {
            switch word {
            case "--all": all = true
            case "--types": types = words.popFirst()
            case "--window": window = words.popFirst()
            case "--chunk": chunk = words.popFirst()
            default: family = word
            }
        }
        do {
            let request = try MaskRequest(family: family, all: all, types: types, window: window, chunk: chunk)
            let style = TerminalStyle(colors: .plain, width: width)
            print(try request.rendered(using: Reference.implementations, to: .terminal(style)), terminator: "")
        } catch {
            print("vlm-course: \(error)")
        }
    }
}

import Figures
import Solutions

extension CellOutput {
    /// Appends what `vlm-course mask <arguments>` prints with the reference pieces (the words are
    /// separated by spaces: a family or `--all`, `--types`, `--window`, `--chunk`), or its error line.
    public mutating func mask(_ arguments: String) {
        do {
            let request = try MaskRequest(words: arguments.split(separator: " ").map(String.init))
            let style = TerminalStyle(colors: .plain, width: width)
            print(try request.rendered(request.masks(using: Reference.implementations), to: .terminal(style)), terminator: "")
        } catch {
            print("vlm-course: \(error)")
        }
    }
}

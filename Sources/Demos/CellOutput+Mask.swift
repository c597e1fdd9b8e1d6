import Contracts
import Figures

extension CellOutput {
    /// Appends what `vlm-course mask <arguments>` prints (the words are separated by spaces: a family
    /// or `--all`, `--types`, `--window`, `--chunk`), with the masks built by `pieces`, or its error line.
    public mutating func mask(_ arguments: String, using pieces: Implementations) {
        do {
            let request = try MaskRequest(words: arguments.split(separator: " ").map(String.init))
            let style = TerminalStyle(colors: .plain, width: width)
            print(try request.rendered(request.masks(using: pieces), to: .terminal(style)), terminator: "")
        } catch {
            print("vlm-course: \(error)")
        }
    }
}

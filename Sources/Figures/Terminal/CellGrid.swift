/// A rectangle of terminal cells, each one character with optional colours, turned into text
/// with ANSI escapes at the end.
struct CellGrid {
    struct Cell: Equatable {
        var character: Character = " "
        var foreground: RGB?
        var background: RGB?
        var isBold = false

        /// Whether the cell sets a colour or bold (which a line must reset at its end).
        var hasAttributes: Bool { foreground != nil || background != nil || isBold }
    }

    private(set) var width: Int
    private(set) var cells: [[Cell]]

    init(width: Int, height: Int) {
        self.width = width
        cells = Array(repeating: Array(repeating: Cell(), count: width), count: height)
    }

    var height: Int { cells.count }

    subscript(x: Int, y: Int) -> Cell {
        get { cells[y][x] }
        set { cells[y][x] = newValue }
    }

    /// Writes `text` from column `x` of line `y`, clipped to the grid.
    mutating func put(_ text: String, x: Int, y: Int, bold: Bool = false) {
        guard y >= 0 && y < height else { return }
        for (offset, character) in text.enumerated() where x + offset >= 0 && x + offset < width {
            cells[y][x + offset] = Cell(character: character, isBold: bold)
        }
    }

    /// Writes `text` centred on column `center` of line `y`, kept inside the grid.
    mutating func putCentered(_ text: String, center: Int, y: Int, bold: Bool = false) {
        let start = min(max(center - text.count / 2, 0), max(width - text.count, 0))
        put(text, x: start, y: y, bold: bold)
    }

    /// Whether columns `x..<x+length` of line `y` are all blank.
    func isBlank(x: Int, y: Int, length: Int) -> Bool {
        guard y >= 0 && y < height && x >= 0 && x + length <= width else { return false }
        return cells[y][x..<(x + length)].allSatisfy { $0 == Cell() }
    }

    /// Copies `other` with its top-left corner at (`x`, `y`).
    mutating func paste(_ other: CellGrid, x: Int, y: Int) {
        for row in 0..<other.height where y + row < height {
            for column in 0..<other.width where x + column < width {
                cells[y + row][x + column] = other.cells[row][column]
            }
        }
    }

    /// The grid as lines of text, trailing blanks trimmed, with colours as `colors` allows.
    func text(colors: TerminalStyle.Colors) -> [String] {
        cells.map { line in
            var output = "", current = Cell()
            let lastUsed = line.lastIndex { $0 != Cell() } ?? -1
            for cell in line.prefix(lastUsed + 1) {
                if colors != .plain { output += Self.escape(from: current, to: cell, colors: colors) }
                output.append(cell.character)
                current = cell
            }
            if colors != .plain && current.hasAttributes { output += "\u{1B}[0m" }
            return output
        }
    }

    /// The SGR sequence that changes attributes from `old` to `new` ("" when nothing changes).
    private static func escape(from old: Cell, to new: Cell, colors: TerminalStyle.Colors) -> String {
        guard old.foreground != new.foreground || old.background != new.background || old.isBold != new.isBold
        else { return "" }
        var codes = ["0"]
        if new.isBold { codes.append("1") }
        if let foreground = new.foreground { codes.append("38;" + code(foreground, colors)) }
        if let background = new.background { codes.append("48;" + code(background, colors)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func code(_ color: RGB, _ colors: TerminalStyle.Colors) -> String {
        colors == .trueColor ? "2;\(color.red);\(color.green);\(color.blue)" : "5;\(color.xterm256Index)"
    }
}

extension RGB {
    /// The closest entry of the xterm 256-colour palette (the 6×6×6 cube, 16–231, or the grey
    /// ramp, 232–255) by a weighted distance that follows the eye's sensitivity (green most).
    var xterm256Index: Int {
        let palette = Self.xterm256Palette
        return (16..<256).min { distance(to: palette[$0 - 16]) < distance(to: palette[$1 - 16]) } ?? 16
    }

    /// Colours 16…255 of the xterm palette.
    private static let xterm256Palette: [RGB] = {
        let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
        let cube = levels.flatMap { r in levels.flatMap { g in levels.map { b in RGB(r, g, b) } } }
        let greys = (0..<24).map { UInt8(8 + 10 * $0) }.map { RGB($0, $0, $0) }
        return cube + greys
    }()

    private func distance(to other: RGB) -> Int {
        let (dr, dg, db) = (Int(red) - Int(other.red), Int(green) - Int(other.green), Int(blue) - Int(other.blue))
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}

/// The registry of every demo cell, in lesson order.
public enum DemoCells {
    /// All cells; add new ones here.
    public static let all: [DemoCell] =
        Part1Cells.all + Part2Cells.all + Part3Cells.all + Part3bCells.all + Part4Cells.all + Part5Cells.all + AttentionCells.all

    /// Every cell id.
    public static var ids: [String] { all.map(\.id) }

    /// The cell with `id`, or `nil`.
    public static func cell(_ id: String) -> DemoCell? {
        all.first { $0.id == id }
    }

    /// What the cell `id` prints, or `nil` when there is no such cell.
    public static func run(_ id: String) -> String? {
        cell(id)?.run()
    }
}

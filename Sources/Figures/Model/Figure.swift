/// A notebook figure: one or more heatmap panels on a grid, with the text the notebook prints
/// beside it.
public struct Figure: Sendable, Codable {
    /// matplotlib's `figsize`, in inches.
    public struct Size: Sendable, Hashable, Codable {
        public var width: Double
        public var height: Double

        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// The command-line name, e.g. `causal`.
    public var name: String
    /// The seed the data was computed with (`nil` for data that does not depend on one).
    public var seed: UInt64?
    /// `plt.suptitle(…)`, if any.
    public var suptitle: String?
    public var panels: [Panel]
    /// Panels per row of the grid (`plt.subplots(rows, columns)`).
    public var gridColumns: Int
    public var size: Size
    /// The lines the notebook prints after the figure (observations, the summary table).
    public var notes: [String]

    public init(name: String, seed: UInt64?, suptitle: String? = nil, panels: [Panel], gridColumns: Int = 1,
                size: Size, notes: [String] = []) {
        precondition(!panels.isEmpty && gridColumns > 0,
                     "Figure '\(name)': needs panels and a positive grid width, got \(panels.count) and \(gridColumns)")
        self.name = name
        self.seed = seed
        self.suptitle = suptitle
        self.panels = panels
        self.gridColumns = gridColumns
        self.size = size
        self.notes = notes
    }

    /// Rows of the panel grid.
    public var gridRows: Int { (panels.count + gridColumns - 1) / gridColumns }
}

import Solutions

/// A runnable demo shown in a lesson: ` ```swift cell=<id> `.
public struct DemoCell: Sendable {
    /// The id lessons use, `partN.name`.
    public let id: String
    /// `Module/File.swift` of the file holding the cell's anchored code (from `#fileID`).
    public let fileID: String
    private let body: @Sendable (inout CellOutput) -> Void

    /// A cell whose code is in the calling file between `// ANCHOR: <id>` and `// ANCHOR_END: <id>`.
    public init(_ id: String, fileID: String = #fileID, body: @escaping @Sendable (inout CellOutput) -> Void) {
        self.id = id
        self.fileID = fileID
        self.body = body
    }

    /// The cell's file relative to the course root, e.g. `Sources/Demos/Part1Cells.swift`.
    public var sourcePath: String { "Sources/" + fileID }

    /// Runs the cell and returns what it printed; figures fit `width` columns and use colour when
    /// `color` is true.
    public func run(color: Bool = false, width: Int = 80) -> String {
        Reference.activate()  // cells run the reference solutions, which call each other through `Pieces`
        var output = CellOutput(color: color, width: width)
        body(&output)
        return output.text
    }
}

import Contracts
import Solutions

/// A runnable demo shown in a lesson: ` ```swift cell=<id> `.
///
/// A cell that calls pieces (`uses`) gets the implementations to call: the reference's, or in the
/// learner's runner (`CellChild`) the learner's pieces that passed. Its code binds the pieces' type
/// names to them before its anchor, so the code the lesson shows reads as the learner writes it
/// (`CausalMask.causalMask(seqLen: 8)`) and runs whichever implementation was given.
public struct DemoCell: Sendable {
    /// The id lessons use, `partN.name`.
    public let id: String
    /// `Module/File.swift` of the file holding the cell's anchored code (from `#fileID`).
    public let fileID: String
    /// The pieces whose code runs in the cell, in course order: those its code calls by their type
    /// names, and those these call through `Pieces` (a ViT calls the attention of Part 1).
    public let uses: [PieceID]
    private let body: @Sendable (inout CellOutput, Implementations) -> Void

    /// A cell that calls no piece; its code is in the calling file between `// ANCHOR: <id>` and
    /// `// ANCHOR_END: <id>`.
    public init(_ id: String, fileID: String = #fileID, body: @escaping @Sendable (inout CellOutput) -> Void) {
        self.init(id, uses: [], fileID: fileID) { output, _ in body(&output) }
    }

    /// A cell whose code calls the pieces `uses`, taken from the implementations it is run with.
    public init(_ id: String, uses: [PieceID], fileID: String = #fileID,
                body: @escaping @Sendable (inout CellOutput, Implementations) -> Void) {
        self.id = id
        self.fileID = fileID
        self.uses = uses.sorted()
        self.body = body
    }

    /// The cell's file relative to the course root, e.g. `Sources/Demos/Part1Cells.swift`.
    public var sourcePath: String { "Sources/" + fileID }

    /// Runs the cell with the reference solutions and returns what it printed; figures fit `width`
    /// columns and use colour when `color` is true.
    public func run(color: Bool = false, width: Int = 80) -> String {
        Reference.activate()  // the reference pieces call each other through `Pieces`; set once per process
        return printed(with: Reference.implementations, color: color, width: width)
    }

    /// Runs the cell with `pieces`, which `Pieces` is pointed at (pieces call one another
    /// through it): the learner runner's side, one cell per process.
    public func run(with pieces: Implementations, color: Bool = false, width: Int = 80) -> String {
        Pieces.install(pieces)
        return printed(with: pieces, color: color, width: width)
    }

    private func printed(with pieces: Implementations, color: Bool, width: Int) -> String {
        var output = CellOutput(color: color, width: width)
        body(&output, pieces)
        return output.text
    }
}

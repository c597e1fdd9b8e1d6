import Contracts
import Foundation
import Grader
import Lessons

/// `show`'s way to run lesson cells with the learner's pieces: the figure runner (`LearnerComputation`),
/// built on the first cell that needs it and reused for the lesson's other cells, each cell in its own
/// process, stopped after `timeout` seconds. A lesson whose cells need no learner piece never builds it.
final class LearnerCells {
    /// Seconds a cell may run: the lessons' cells take well under one in a debug build.
    let timeout = 20
    private var runner: Result<LearnerComputation.Runner, any Error>?

    /// The `LearnerCellRun` that `ReadingCommands.show` calls.
    var run: LearnerCellRun {
        { [self] cell, width, color in
            let runner = try built().get()
            let result = try runner.run(["cell", cell, "--width", "\(width)"] + (color ? ["--color"] : []), timeout: timeout)
            return (String(decoding: result.data, as: UTF8.self), result.standIns)
        }
    }

    private func built() -> Result<LearnerComputation.Runner, any Error> {
        if let runner { return runner }
        let made = Result { try LearnerComputation.Runner(try CourseRoot.locate()) }
        runner = made
        return made
    }
}

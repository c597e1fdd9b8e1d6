import Solutions
import ArgumentParser
import Contracts
import Foundation
import Grader

extension VLMCourse {
    /// The child process of `check`: runs one piece's learner code and records what it returned.
    struct RunCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-check", abstract: "Internal: run one piece's code for the grader.", shouldDisplay: false)

        @Argument var id: String
        @Option(help: "Folder of the PyTorch fixtures.") var fixtures: String
        @Option(help: "Seconds before this child stops itself if orphaned.") var timeout = 10
        @Option(help: "Comma-separated ids whose reference stands in for the learner's code.") var standIns = ""
        @Flag(help: "Use the reference solutions for every piece.") var solutions = false

        func run() throws {
            let learner = solutions ? Reference.implementations : LearnerCode.implementations
            let implementations = learner.replacing(standIns.split(separator: ",").map(String.init),
                                                    from: Reference.implementations)
            try reportingErrors {
                try CheckChild.run(piece: id, implementations: implementations,
                                   context: CheckContext(fixtures: URL(fileURLWithPath: fixtures)), timeout: timeout)
            }
        }
    }
}

// A stand-in for the learner's runner whose learner code is an outcome-named fixture:
//   grader-fixtures <fixture> run-check <id> --fixtures <dir> --timeout <s> [--stand-ins a,b]
import Foundation
import Grader

let arguments = CommandLine.arguments
guard arguments.count >= 4, let fixture = LearnerFixture(rawValue: arguments[1]), arguments[2] == "run-check" else {
    let names = LearnerFixture.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: grader-fixtures <\(names)> run-check <id> --fixtures <dir> [--timeout s] [--stand-ins a,b]\n".utf8))
    exit(64)
}
CheckChild.runFromCommandLine(Array(arguments.dropFirst(3)), learner: fixture.implementations)

// A stand-in for `vlm-course run-check` whose learner code is an outcome-named fixture:
//   grader-fixtures <fixture> run-check <id> --fixtures <dir> --timeout <s> [--stand-ins a,b]
import Foundation
import Grader

let arguments = CommandLine.arguments
guard arguments.count >= 4, let fixture = LearnerFixture(rawValue: arguments[1]), arguments[2] == "run-check" else {
    FileHandle.standardError.write(Data("usage: grader-fixtures <\(LearnerFixture.allCases.map(\.rawValue).joined(separator: "|"))> run-check <id> --fixtures <dir> [--timeout s] [--stand-ins a,b]\n".utf8))
    exit(64)
}

func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

let standIns = option("--stand-ins")?.split(separator: ",").map(String.init) ?? []
let implementations = fixture.implementations.replacing(standIns, from: Reference.implementations)
do {
    try CheckChild.run(piece: arguments[3], implementations: implementations,
                       context: CheckContext(fixtures: URL(fileURLWithPath: option("--fixtures") ?? ".")),
                       timeout: Int(option("--timeout") ?? "") ?? 10)
} catch {
    FileHandle.standardError.write(Data("grader-fixtures: \(error)\n".utf8))
    exit(1)
}

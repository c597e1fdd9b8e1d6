import Contracts
import Foundation

/// `vlm-course dev check`, for course authors: every stub reports `todo`, every reference passes
/// every check, stubs and solutions carry their markers, `Stubs/` matches the exercises, every
/// piece has at least three hints and is taught by exactly one lesson.
public struct DevCheck {
    public struct Finding: Sendable {
        /// `nil` for a note that neither passes nor fails (e.g. no lessons written yet).
        public let ok: Bool?
        public let text: String
    }

    public let check: CourseCheck

    public init(check: CourseCheck) { self.check = check }

    public func run() throws -> [Finding] {
        let pieces = PieceID.allCases
        var findings: [Finding] = []
        var stubs = check
        stubs.recordsProgress = false  // grading the stubs must not touch the author's progress
        let stubReport = try stubs.run(pieces)
        if stubReport.build.status == .failed {
            return [Finding(ok: false, text: "the course does not build: " + stubReport.build.errors.joined(separator: "; "))]
        }
        for e in stubReport.exercises {
            findings.append(Finding(ok: e.status == .todo, text: "stub \(e.id) reports todo"
                + (e.status == .todo ? "" : " — it reports \(e.status.rawValue)")))
        }
        var solutions = check
        solutions.useSolutions = true
        solutions.rebuild = false
        for e in try solutions.run(pieces).exercises {
            let failed = e.checks.filter { $0.status != .pass }
            findings.append(Finding(ok: e.status == .pass && failed.isEmpty, text: "reference \(e.id) passes all \(e.maxPoints) checks"
                + (failed.isEmpty ? "" : " — fails: " + failed.map { "\($0.name): \($0.message)" }.joined(separator: "; "))))
        }
        for exercise in Catalog.exercises { findings += files(exercise) }
        findings += lessons()
        return findings
    }

    private func files(_ exercise: ExerciseInfo) -> [Finding] {
        let root = check.root
        let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        let stub = read(root.file(exercise.file)), solution = read(root.solutionFile(exercise.file))
        let copy = read(root.stubFile(exercise.file))
        let anchors = ["// ANCHOR: \(exercise.id)", "// ANCHOR_END: \(exercise.id)"]
        return [
            Finding(ok: stub.contains("// TODO:") && stub.contains("todo(\"\(exercise.id)\")"),
                    text: "\(exercise.file) has // TODO: comments and calls todo(\"\(exercise.id)\")"),
            Finding(ok: anchors.allSatisfy { stub.contains($0) && solution.contains($0) },
                    text: "stub and solution of \(exercise.id) carry the lesson anchors \(anchors.joined(separator: " … "))"),
            Finding(ok: !copy.isEmpty && copy == stub, text: "Stubs/ holds an identical copy of \(exercise.file)"),
            Finding(ok: Hints.levels(for: exercise.piece).count >= 3, text: "\(exercise.id) has at least 3 hint levels"),
        ]
    }

    /// Each id must appear as `exercise=<id>` in exactly one lesson (`lessons/*.md` but the README):
    /// the one the catalog names.
    private func lessons() -> [Finding] {
        let folder = check.root.file("lessons")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }  // the README documents the convention
        guard !names.isEmpty else {
            return [Finding(ok: nil, text: "no lessons yet: lessons/*.md does not exist, so lesson coverage was not checked")]
        }
        let texts = names.sorted().map { ($0, (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? "") }
        return Catalog.exercises.map { exercise in
            let pattern = try? Regex("exercise=\(exercise.id)(?![A-Za-z0-9-])")
            let teaching = texts.filter { text in pattern.map { text.1.contains($0) } ?? false }.map(\.0)
            let expected = (exercise.lesson as NSString).lastPathComponent
            return Finding(ok: teaching == [expected], text: "\(exercise.id) is taught by exactly one lesson, \(expected)"
                + (teaching == [expected] ? "" : " — found in \(teaching.count): \(teaching.joined(separator: ", "))"))
        }
    }
}

import Contracts
import Foundation
import Grader
import Testing
import TestSupport

/// The catalog is the one definition of the course: these read the sources to hold it to that.
@Suite struct CatalogTests {
    static let sources = URL(fileURLWithPath: BuiltProducts.packageRoot.path).appendingPathComponent("Sources")

    /// Every `.swift` file under Sources but the learner's and the reference's, with its code lines
    /// (doc comments and comments dropped).
    static func codeFiles() throws -> [(path: String, lines: [String])] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Exercises/") && !$0.hasPrefix("Solutions/") }
            .map { path in
                let text = (try? String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)) ?? ""
                let code = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.hasPrefix("//") }
                return (path, code)
            }
    }

    @Test func eachIdIsWrittenOutInTheCatalogOnly() throws {
        let files = try Self.codeFiles()
        for piece in PieceID.allCases {
            let holders = files.filter { $0.lines.contains { $0.contains("\"\(piece.rawValue)\"") } }.map(\.path)
                .filter { $0 != "Figures/Notebook/FigureName.swift" }  // figure names that equal an id
            #expect(holders == ["Contracts/Catalog.swift"], "\(piece.rawValue) is written out in \(holders)")
        }
    }

    /// Outside Solutions (the reference set), one file names the learner's types: the learner set.
    static let learnerSet = "course-runner/main.swift"

    @Test func implementationTypesAreNamedByTheReferenceAndLearnerSetsAlone() throws {
        let files = try Self.codeFiles()
        for exercise in Catalog.exercises {
            let holders = files.filter { $0.lines.contains { $0.contains("\(exercise.typeName).self") } }.map(\.path)
            #expect(holders == [Self.learnerSet], "\(exercise.typeName).self is named in \(holders)")
        }
    }

    @Test func courseRunnersMainIsTheGeneratedSource() throws {
        let main = try String(contentsOf: Self.sources.appendingPathComponent(Self.learnerSet), encoding: .utf8)
        #expect(main == LearnerRunner.mainSource(.figures, importing: "Exercises"))
    }

    @Test func generatedRunnersNameEveryTypeInCatalogOrder() {
        let call = Implementations.initializerCall(module: "Exercises")
        let expected = Catalog.exercises.map { "Exercises.\($0.typeName).self" }.joined(separator: ", ")
        #expect(call == "Implementations(\(expected))")
    }

    @Test func everyPieceHasChecksHintsAndAFileUnderExercises() {
        for exercise in Catalog.exercises {
            #expect(PieceChecks.checks(for: exercise.piece).count >= 5, "\(exercise.id)")
            #expect(Hints.levels(for: exercise.piece).count >= 3, "\(exercise.id)")
            #expect(exercise.file.hasPrefix("Sources/Exercises/Part\(exercise.part)/"))
            #expect(exercise.dependencies.allSatisfy { $0 < exercise.piece }, "\(exercise.id) depends on a later piece")
        }
    }
}

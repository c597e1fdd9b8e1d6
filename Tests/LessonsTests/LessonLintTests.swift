import Demos
import Foundation
import Testing
import Contracts
@testable import Lessons

/// Checks the real `lessons/` folder against the course outline and the demo registry.
@Suite struct LessonLintTests {
    let lessons: [Lesson]

    init() throws {
        lessons = try LessonLibrary(root: CourseRoot(URL(fileURLWithPath: TestPaths.packageRoot))).lessons()
    }

    /// The six parts in order, each opened by the lesson file the catalog names; part 3 has a second
    /// lesson file, 3b.
    @Test func sixPartsInOrderWithTheCatalogsTitles() {
        #expect(lessons.map(\.label) == ["1", "2", "3", "3b", "4", "5", "6"])
        let firsts = lessons.filter { $0.suffix.isEmpty }
        #expect(firsts.map(\.title) == Catalog.parts.enumerated().map { "Part \($0.offset + 1): \($0.element)" })
        #expect(firsts.map { "lessons/" + $0.fileName } == Catalog.lessons)
        #expect(lessons.filter { !$0.suffix.isEmpty }.allSatisfy { $0.title.hasPrefix("Part \($0.label): ") })
    }

    @Test func everyExerciseIsTaughtByExactlyOneLessonTheCatalogNames() {
        for exercise in Catalog.exercises {
            let teachers = lessons.filter { $0.exerciseIDs.contains(exercise.id) }
            #expect(teachers.map(\.number) == [exercise.part], "\(exercise.id) is taught by \(teachers.map(\.label))")
            #expect(teachers.map { "lessons/" + $0.fileName } == [exercise.lesson])
            #expect(teachers.first?.exerciseIDs.filter { $0 == exercise.id }.count == 1)
        }
    }

    @Test func lessonsNameOnlyKnownExercises() {
        let known = Set(Catalog.exercises.map(\.id))
        #expect(lessons.flatMap(\.exerciseIDs).filter { !known.contains($0) } == [])
    }

    @Test func everyStubThatExistsHasItsAnchor() {
        for exercise in Catalog.exercises {
            let path = TestPaths.packageRoot + "/" + exercise.file
            guard FileManager.default.fileExists(atPath: path) else { continue }
            #expect(AnchoredSource.region(exercise.id, inFile: path) != nil,
                    "\(exercise.file) needs // ANCHOR: \(exercise.id) and // ANCHOR_END: \(exercise.id)")
        }
    }

    @Test func everyCellALessonNamesIsRegisteredAndAnchored() {
        for id in lessons.flatMap(\.cellIDs) {
            let cell = DemoCells.cell(id)
            #expect(cell != nil, "lesson names unknown cell \(id)")
            if let cell {
                #expect(AnchoredSource.region(id, inFile: TestPaths.packageRoot + "/" + cell.sourcePath) != nil,
                        "no // ANCHOR: \(id) in \(cell.sourcePath)")
            }
        }
    }

    /// A cell whose code calls a piece by its type name must declare it, or the learner's piece
    /// would never run there. (Pieces called through `Pieces`, such as a ViT's attention, are
    /// declared by hand.)
    @Test func everyPieceACellsCodeCallsIsDeclaredInItsUses() throws {
        for cell in DemoCells.all {
            let code = try #require(AnchoredSource.region(cell.id, inFile: TestPaths.packageRoot + "/" + cell.sourcePath))
            let named = Catalog.exercises.filter { code.contains($0.typeName + ".") || code.contains($0.typeName + "(") }
            #expect(Set(named.map(\.piece)).isSubset(of: cell.uses), "\(cell.id) calls \(named.map(\.id)), declares \(cell.uses)")
        }
        #expect(DemoCells.cell("part2.vit-attention")?.uses == [.attention, .vitAttention])
    }

    @Test func everyRegisteredCellIsShownOnce() {
        let shown = lessons.flatMap(\.cellIDs)
        #expect(shown.sorted() == DemoCells.ids.sorted())
    }

    @Test func interviewLessonHasEightQuestions() throws {
        let questions = InterviewQuestion.all(in: try #require(lessons.last))
        #expect(questions.map(\.id) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"])
        #expect(questions.allSatisfy { !$0.answer.isEmpty })
    }
}

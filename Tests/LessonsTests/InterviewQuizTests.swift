import Testing
@testable import Lessons

@Suite struct InterviewQuizTests {
    let questions = [
        InterviewQuestion(id: "Q1", title: "Q1: One?", answer: [.paragraph([.text("First.")])]),
        InterviewQuestion(id: "Q2", title: "Q2: Two?", answer: [.paragraph([.text("Second.")])]),
    ]

    /// Runs a quiz on scripted input and returns the output, the final state and every saved state.
    private func run(_ input: [String], state: QuizState = QuizState()) throws -> (String, QuizState, [QuizState]) {
        var quiz = InterviewQuiz(questions: questions, state: state) { blocks in Inline.plainText(blocks.flatMap { block -> [Inline] in
            if case .paragraph(let inlines) = block { inlines } else { [] }
        }) + "\n" }
        var remaining = input[...]
        var output = ""
        var saved: [QuizState] = []
        try quiz.run(readLine: { remaining.popFirst() }, write: { output += $0 }, save: { saved.append($0) })
        return (output, quiz.state, saved)
    }

    @Test func marksEachQuestionAndSavesAfterEach() throws {
        let (output, state, saved) = try run(["", "k", "", "x", "a"])
        #expect(state == QuizState(known: ["Q1"], again: ["Q2"]))
        #expect(saved == [QuizState(known: ["Q1"]), QuizState(known: ["Q1"], again: ["Q2"])])
        #expect(output == """

            [1/2] Q1: One?
            Press Enter to see the answer.
            First.
            Did you know it? [k]nown / [a]gain / [q]uit: 
            [2/2] Q2: Two?
            Press Enter to see the answer.
            Second.
            Did you know it? [k]nown / [a]gain / [q]uit: Please type k, a or q.
            Did you know it? [k]nown / [a]gain / [q]uit: 
            Done: 1 of 2 questions known.

            """)
    }

    @Test func endOfInputStopsWithoutSaving() throws {
        let (output, state, saved) = try run([])
        #expect(saved == [])
        #expect(state == QuizState())
        #expect(output.hasSuffix("Quiz stopped; 0 of 2 questions known so far.\n"))
    }

    @Test func knownQuestionsAreSkippedUntilAllAreKnown() throws {
        let (skipping, _, _) = try run(["", "q"], state: QuizState(known: ["Q1"]))
        #expect(skipping.hasPrefix("\n[1/1] Q2: Two?\n"))
        let (again, _, _) = try run([], state: QuizState(known: ["Q1", "Q2"]))
        #expect(again.hasPrefix("Every question is marked known; going through all 2 again.\n\n[1/2] Q1: One?\n"))
    }

    @Test func remarkingMovesAQuestion() {
        var state = QuizState(known: ["Q1"], again: ["Q2"])
        state.mark("Q2", known: true)
        state.mark("Q1", known: false)
        #expect(state == QuizState(known: ["Q2"], again: ["Q1"]))
    }
}
